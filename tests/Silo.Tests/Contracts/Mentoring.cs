using System.Net.Http.Json;
using System.Text.Json;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>
/// A measure whose formula reads a named input, added to <see cref="Commissioning"/>'s framework: mentoring sessions,
/// valued at the hours they took (<c>Input("hours")</c>) times the MENTOR proxy value of £20 an hour.
/// </summary>
public static class Mentoring
{
    public const string Measure = "mentoring";
    public const string Formula = "Quantity * Input(\"hours\") * Proxy(\"MENTOR\")";

    public static async Task AddAsync(Commissioning cycle)
    {
        await cycle.PostAsync($"/api/frameworks/{Commissioning.Framework}/measures", new
        {
            id = Measure, themeId = "jobs", outcomeId = "local-jobs", title = "Mentoring sessions for young people", unit = "sessions", formula = Formula,
        });
        (await cycle.Admin.PutAsJsonAsync($"/api/frameworks/{Commissioning.Framework}/proxy-values/MENTOR", new { value = 20m, effectiveFrom = "2000-01-01" }))
            .EnsureSuccessStatusCode();
    }

    /// <summary>Initiated → Tendering with new jobs and mentoring specified.</summary>
    public static async Task ToTenderingAsync(Commissioning cycle, string id)
    {
        await cycle.CreateContractAsync(id);
        await cycle.FireOkAsync(id, "AnalyseNeeds");
        await cycle.FireOkAsync(id, "Consult");
        await cycle.FireOkAsync(id, "Specify");
        (await cycle.Admin.PutAsJsonAsync($"/api/contracts/{id}/specification",
            new { outcomeIds = new[] { "local-jobs" }, measureIds = new[] { "new-jobs", Measure } })).EnsureSuccessStatusCode();
        await cycle.FireOkAsync(id, "PublishTender");
    }

    /// <summary>All the way to Live, Acme's bid committing 10 new jobs and 10 mentoring sessions of 2 hours.</summary>
    public static async Task<JsonElement> ToLiveAsync(Commissioning cycle, string id)
    {
        await ToTenderingAsync(cycle, id);
        await cycle.BidAsync(id, "acme", "Acme Care Ltd", 900_000m,
            [new { measureId = "new-jobs", target = 10 }, new { measureId = Measure, target = 10, inputs = new { hours = 2 } }], Commissioning.Supplier);
        await cycle.FireOkAsync(id, "CloseTender");
        (await cycle.ScoreAsync(id, "acme", 4, 5)).EnsureSuccessStatusCode();
        await cycle.FireOkAsync(id, "Award", new { bidId = "acme" });
        return await cycle.FireOkAsync(id, "GoLive");
    }
}
