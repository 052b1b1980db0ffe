using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>
/// Money is never invented (API.md, "Money"): on a shipped framework, which carries no proxy values, a contract reports
/// its traineeships in units with <c>gbp: null</c>, and pounds only for periods from the date a proxy value is set.
/// </summary>
public sealed class MoneyTests
{
    private const string Traineeships = "economic-growth-m4";

    [Fact]
    public async Task A_contract_on_a_shipped_framework_reports_units_until_a_proxy_value_is_in_force_and_pounds_from_its_date()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 15, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var silo = await TestSilo.StartAsync(database, businessClock: clock);
        var cycle = new Commissioning(silo.Client());
        await cycle.PostAsync("/api/organisations", new { id = "walsall-council", name = "Walsall Council", type = "LocalAuthority", place = "Walsall" });
        await LiveAsync(cycle, "trainees");

        await ReturnAsync(cycle, "trainees", "2027-Q1", 3);
        var unvalued = await cycle.GetJsonAsync("/api/contracts/trainees/social-value");

        var measure = unvalued.GetProperty("measures")[0];
        Assert.Equal((8m, 3m), (measure.GetProperty("committedUnits").GetDecimal(), measure.GetProperty("deliveredUnits").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, measure.GetProperty("committedValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, measure.GetProperty("deliveredValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, measure.GetProperty("periods")[0].GetProperty("gbp").ValueKind);
        Assert.Equal(3m, measure.GetProperty("periods")[0].GetProperty("units").GetDecimal());
        Assert.Equal((0m, 0m, 1), Total(unvalued.GetProperty("total")));
        Assert.Equal((0m, 0m, 1), Total(unvalued.GetProperty("themes")[0]));
        var returned = (await cycle.GetJsonAsync("/api/contracts/trainees/returns"))[0].GetProperty("lines")[0];
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("gbp").ValueKind);
        Assert.Contains(Traineeships, returned.GetProperty("unvaluedReason").GetString());

        // The administrator sets a proxy value on the shipped framework from the next quarter.
        (await cycle.Admin.PutAsJsonAsync($"/api/frameworks/walsall/proxy-values/{Traineeships}", new { value = 2_000m, effectiveFrom = "2027-04-01" }))
            .EnsureSuccessStatusCode();
        clock.SetUtcNow(new DateTimeOffset(2027, 5, 10, 9, 0, 0, TimeSpan.Zero));
        await ReturnAsync(cycle, "trainees", "2027-Q2", 2);
        var valued = await cycle.GetJsonAsync("/api/contracts/trainees/social-value");

        measure = valued.GetProperty("measures")[0];
        Assert.Equal(["2027-Q1:3:", "2027-Q2:2:4000"], measure.GetProperty("periods").EnumerateArray().Select(p =>
            $"{p.GetProperty("period").GetString()}:{p.GetProperty("units").GetDecimal()}:{(p.GetProperty("gbp").ValueKind == JsonValueKind.Null ? "" : p.GetProperty("gbp").GetDecimal())}"));
        Assert.Equal(5m, measure.GetProperty("deliveredUnits").GetDecimal());
        Assert.Equal(4_000m, measure.GetProperty("deliveredValue").GetDecimal());
        Assert.Equal(1, measure.GetProperty("unvaluedPeriods").GetInt32());
        // Q1 is still left out of the pounds, and the commitment was valued (or not) when the contract was awarded.
        Assert.Equal((0m, 4_000m, 1), Total(valued.GetProperty("total")));
        var report = await cycle.GetJsonAsync("/api/organisations/walsall-council/report?year=2027");
        Assert.Equal((0m, 4_000m, 1), Total(report.GetProperty("total")));
        var csv = await cycle.Admin.GetStringAsync("/api/organisations/walsall-council/report?year=2027&format=csv");
        Assert.Contains("Measures without £", csv);
        Assert.Contains(",0,4000,1,0,4000,", csv.Split('\n').Single(l => l.StartsWith("Total", StringComparison.Ordinal)));
    }

    private static (decimal Committed, decimal Delivered, int Unvalued) Total(JsonElement total) =>
        (total.GetProperty("committedValue").GetDecimal(), total.GetProperty("deliveredValue").GetDecimal(), total.GetProperty("unvaluedMeasures").GetInt32());

    private static async Task LiveAsync(Commissioning cycle, string id)
    {
        await cycle.PostAsync("/api/contracts", new { id, organisationId = "walsall-council", title = "Traineeships", value = 500_000m, frameworkId = "walsall" });
        foreach (var trigger in new[] { "AnalyseNeeds", "Consult", "Specify" })
        {
            await cycle.FireOkAsync(id, trigger);
        }
        (await cycle.Admin.PutAsJsonAsync($"/api/contracts/{id}/specification", new { outcomeIds = new[] { "economic-growth-o2" }, measureIds = new[] { Traineeships } }))
            .EnsureSuccessStatusCode();
        await cycle.FireOkAsync(id, "PublishTender");
        await cycle.PostAsync($"/api/contracts/{id}/bids", new
        {
            id = "acme",
            supplier = "Acme Training",
            price = 450_000m,
            commitments = new[] { new { measureId = Traineeships, target = 8 } },
            answers = new { delivery = "Apprentices recruited locally", measurement = "Enrolment records, audited" },
        });
        await cycle.FireOkAsync(id, "CloseTender");
        (await cycle.Admin.PutAsJsonAsync($"/api/contracts/{id}/bids/acme/scores", new { delivery = 4, measurement = 4 })).EnsureSuccessStatusCode();
        await cycle.FireOkAsync(id, "Award", new { bidId = "acme" });
        await cycle.FireOkAsync(id, "GoLive");
    }

    private static async Task ReturnAsync(Commissioning cycle, string id, string period, decimal quantity)
    {
        var submitted = await cycle.PostAsync($"/api/contracts/{id}/returns", new { period, lines = new[] { new { measureId = Traineeships, quantity } } });
        (await cycle.Admin.PutAsJsonAsync($"/api/contracts/{id}/returns/{submitted.GetProperty("id").GetString()}/verification", new { accepted = true, comment = "Checked" }))
            .EnsureSuccessStatusCode();
    }
}
