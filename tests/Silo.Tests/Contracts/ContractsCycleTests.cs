using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>The whole commissioning cycle over HTTP on each storage provider, with totals checked against hand-computed figures.</summary>
public sealed class ContractsCycleTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_contract_runs_from_Initiated_to_Completed_and_its_totals_match_the_hand_computed_figures(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ShiftedClock();
        await using var silo = await TestSilo.StartAsync(database, businessClock: clock);
        var cycle = new Commissioning(silo.Client());
        await cycle.SetUpAsync();

        var created = await cycle.CreateContractAsync("home-care");
        Assert.Equal("Initiated", created.GetProperty("state").GetString());
        Assert.Equal(0.3m, created.GetProperty("tender").GetProperty("socialValueWeighting").GetDecimal());
        await cycle.SpecifyAsync("home-care");
        await cycle.FireOkAsync("home-care", "PublishTender");

        await cycle.BidAsync("home-care", "acme", "Acme Care Ltd", 900_000m,
            [new { measureId = "new-jobs", target = 10 }, new { measureId = "carbon-saved", target = 50 }], Commissioning.Supplier);
        await cycle.BidAsync("home-care", "beta", "Beta Homecare", 850_000m, [new { measureId = "new-jobs", target = 4 }]);
        await cycle.FireOkAsync("home-care", "CloseTender");
        // The default formula: the mean of the two scores as a fraction of 5, times the 30% weighting.
        (await cycle.ScoreAsync("home-care", "beta", 3, 2)).EnsureSuccessStatusCode();
        (await cycle.ScoreAsync("home-care", "acme", 4, 5)).EnsureSuccessStatusCode();
        var ranked = (await cycle.GetJsonAsync("/api/contracts/home-care/bids")).EnumerateArray().ToList();
        Assert.Equal(["acme:1:0.9:0.27", "beta:2:0.5:0.15"], ranked.Select(r =>
            $"{r.GetProperty("bid").GetProperty("id").GetString()}:{r.GetProperty("rank").GetInt32()}:" +
            $"{r.GetProperty("bid").GetProperty("socialValueScore").GetDecimal():0.##}:{r.GetProperty("bid").GetProperty("weightedScore").GetDecimal():0.##}"));

        var awarded = await cycle.FireOkAsync("home-care", "Award", new { bidId = "acme" });
        var terms = awarded.GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(["new-jobs:10:1:10000", "carbon-saved:50:1:4000"], terms.Select(t =>
            $"{t.GetProperty("measureId").GetString()}:{t.GetProperty("target").GetDecimal()}:{t.GetProperty("formulaVersion").GetInt32()}:{t.GetProperty("committedValue").GetDecimal()}"));
        // A later formula version does not change the terms of an awarded contract.
        (await cycle.Admin.PostAsJsonAsync($"/api/frameworks/{Commissioning.Framework}/measures/new-jobs/formula",
            new { source = "Quantity * Proxy(\"JOB\") * 2" })).EnsureSuccessStatusCode();
        var live = await cycle.FireOkAsync("home-care", "GoLive");
        Assert.Equal(Commissioning.Period(0), live.GetProperty("returnsDue")[0].GetProperty("period").GetString());

        // A year on, the four quarters reported below have begun (a return for a quarter not begun is refused).
        clock.MoveTo(DateOnly.Parse(Commissioning.PeriodStart(4), CultureInfo.InvariantCulture));
        var supplier = await cycle.KeyAsync(cycle.Admin, "Supplier", Commissioning.Supplier);
        (int Jobs, int Carbon, bool Accepted)[] quarters = [(2, 10, true), (3, 15, false), (4, 12, true), (1, 5, true)];
        for (var q = 0; q < quarters.Length; q++)
        {
            var submitted = await (await supplier.PostAsJsonAsync("/api/contracts/home-care/returns", new
            {
                period = Commissioning.Period(q),
                lines = new object[]
                {
                    new { measureId = "new-jobs", quantity = quarters[q].Jobs, evidence = "https://example.org/payroll" },
                    new { measureId = "carbon-saved", quantity = quarters[q].Carbon },
                },
            })).AssertJsonAsync(HttpStatusCode.Created);
            var verification = await cycle.Admin.PutAsJsonAsync($"/api/contracts/home-care/returns/{submitted.GetProperty("id").GetString()}/verification",
                new { accepted = quarters[q].Accepted, comment = quarters[q].Accepted ? "Checked against payroll" : "No evidence for the carbon figure" });
            Assert.Equal(quarters[q].Accepted ? "Accepted" : "Rejected", (await verification.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        // Accepted quarters 0, 2, 3: jobs 2×£1,000 + 4×£1,500 + 1×£1,500 = £9,500; carbon (10+12+5)×£80 = £2,160.
        var totals = await cycle.GetJsonAsync("/api/contracts/home-care/social-value");
        var measures = totals.GetProperty("measures").EnumerateArray().ToDictionary(m => m.GetProperty("measureId").GetString()!);
        Assert.Equal((10m, 7m, 10_000m, 9_500m), Figures(measures["new-jobs"]));
        Assert.Equal((50m, 27m, 4_000m, 2_160m), Figures(measures["carbon-saved"]));
        Assert.All(measures["new-jobs"].GetProperty("periods").EnumerateArray(), p => Assert.Equal(1, p.GetProperty("formulaVersion").GetInt32()));
        var outcomes = totals.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        Assert.Equal((10_000m, 9_500m), Values(outcomes["local-jobs"]));
        var fte = Assert.Single(outcomes["local-jobs"].GetProperty("units").EnumerateArray());
        Assert.Equal(("FTE", 10m, 7m), (fte.GetProperty("unit").GetString(), fte.GetProperty("committed").GetDecimal(), fte.GetProperty("delivered").GetDecimal()));
        var themes = totals.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        Assert.Equal((4_000m, 2_160m), Values(themes["environment"]));
        Assert.Equal((14_000m, 11_660m), Values(totals.GetProperty("total")));

        var year = int.Parse(Commissioning.Period(0)[..4]);
        var accepted = new[] { (0, 2000m + 800m), (2, 6000m + 960m), (3, 1500m + 400m) };
        var inYear = await cycle.GetJsonAsync($"/api/contracts/home-care/social-value?year={year}");
        Assert.Equal(accepted.Where(a => Commissioning.Period(a.Item1).StartsWith($"{year}", StringComparison.Ordinal)).Sum(a => a.Item2),
            inYear.GetProperty("total").GetProperty("deliveredValue").GetDecimal());

        var review = await cycle.GetJsonAsync("/api/contracts/home-care/performance");
        Assert.True(review.GetProperty("shortfallFlagged").GetBoolean());
        Assert.Equal(0.7m, review.GetProperty("measures")[0].GetProperty("deliveredShare").GetDecimal());

        var completed = await cycle.FireOkAsync("home-care", "Complete");
        Assert.Equal("Completed", completed.GetProperty("state").GetString());
        Assert.Equal(
            ["AnalyseNeeds", "Consult", "Specify", "PublishTender", "CloseTender", "Award", "GoLive", "Complete"],
            completed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()));
        foreach (var organisation in new[] { Commissioning.Council, Commissioning.Supplier })
        {
            var listed = Assert.Single((await cycle.GetJsonAsync($"/api/organisations/{organisation}/contracts")).EnumerateArray());
            Assert.Equal(("home-care", "Completed"), (listed.GetProperty("id").GetString(), listed.GetProperty("state").GetString()));
        }
    }

    private static (decimal, decimal, decimal, decimal) Figures(JsonElement measure) =>
        (measure.GetProperty("committedUnits").GetDecimal(), measure.GetProperty("deliveredUnits").GetDecimal(),
         measure.GetProperty("committedValue").GetDecimal(), measure.GetProperty("deliveredValue").GetDecimal());

    private static (decimal, decimal) Values(JsonElement group) =>
        (group.GetProperty("committedValue").GetDecimal(), group.GetProperty("deliveredValue").GetDecimal());
}
