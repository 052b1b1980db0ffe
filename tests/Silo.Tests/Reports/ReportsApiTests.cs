using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Api;
using SocialValue.Silo.Tests.Contracts;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Reports;

/// <summary>API.md "Reports": an organisation's annual report over HTTP, as JSON and CSV.</summary>
public sealed class ReportsApiTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_annual_report_adds_up_delivered_against_committed_by_theme_outcome_and_measure_with_maturity(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(database);
        var cycle = new Commissioning(silo.Client());
        await cycle.SetUpAsync();
        await cycle.ToLiveAsync("meals");
        await cycle.ToLiveAsync("transport");
        await ReturnAsync(cycle, "meals", jobs: 2, carbon: 10, accepted: true);
        await ReturnAsync(cycle, "transport", jobs: 3, carbon: 4, accepted: true);
        await cycle.CreateContractAsync("still-planning");
        (await cycle.Admin.PutAsJsonAsync($"/api/organisations/{Commissioning.Council}/maturity", new
        {
            dimensions = "ABCDEFGHIJ".Select(code => new { code = code.ToString(), present = "Follower", target = "Mature" }),
        })).EnsureSuccessStatusCode();

        var report = await cycle.GetJsonAsync($"/api/organisations/{Commissioning.Council}/report?year={Commissioning.FirstQuarter.Year}");

        // Each live contract commits 10 jobs (£1,000 each) and 50 tCO2e (£80 each): £14,000; delivered in this year's first
        // quarter: jobs 2 + 3 at £1,000 and carbon 10 + 4 at £80, so £5,000 + £1,120.
        Assert.Equal((28_000m, 6_120m), Values(report.GetProperty("total")));
        var contracts = report.GetProperty("contracts").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(["meals", "still-planning", "transport"], contracts.Keys.Order());
        Assert.Equal((14_000m, 2_800m), Values(contracts["meals"]));
        Assert.Equal((0m, 0m), Values(contracts["still-planning"]));
        var themes = report.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        Assert.Equal((20_000m, 5_000m), Values(themes["jobs"]));
        Assert.Equal((8_000m, 1_120m), Values(themes["environment"]));
        var carbon = report.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measureId").GetString() == "carbon-saved");
        Assert.Equal((100m, 14m), (carbon.GetProperty("committedUnits").GetDecimal(), carbon.GetProperty("deliveredUnits").GetDecimal()));
        var fte = Assert.Single(report.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "local-jobs")
            .GetProperty("units").EnumerateArray());
        Assert.Equal(("FTE", 20m, 5m), (fte.GetProperty("unit").GetString(), fte.GetProperty("committed").GetDecimal(), fte.GetProperty("delivered").GetDecimal()));
        Assert.Equal(("Follower", "Mature"), (report.GetProperty("maturity").GetProperty("present").GetString(), report.GetProperty("maturity").GetProperty("target").GetString()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("kiteMark").ValueKind);

        var lastYear = await cycle.GetJsonAsync($"/api/organisations/{Commissioning.Council}/report?year={Commissioning.FirstQuarter.Year - 1}");
        Assert.Equal((28_000m, 0m), Values(lastYear.GetProperty("total")));
    }

    [Fact]
    public async Task The_report_is_csv_when_asked_and_shows_a_current_kite_mark()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);
        var parties = await KiteMarkParties.CreateAsync(silo);
        await parties.AwardAsync("report-award");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/organisations/alder-hey/report");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await silo.Client().SendAsync(request);
        var json = await silo.Client().GetFromJsonAsync<JsonElement>("/api/organisations/alder-hey/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Section,Framework,Id,Name,Unit,Committed units,Delivered units,Committed £,Delivered £", rows[0]);
        Assert.All(rows, row => Assert.Equal(15, row.Count(c => c == ',')));
        var kiteMark = Assert.Single(rows, r => r.StartsWith("Kite Mark,", StringComparison.Ordinal));
        Assert.Contains("report-award,Held", kiteMark);
        Assert.Contains(rows, r => r.StartsWith("Total,", StringComparison.Ordinal));
        Assert.Equal("Held", json.GetProperty("kiteMark").GetProperty("status").GetString());
        Assert.Equal("report-award", json.GetProperty("kiteMark").GetProperty("applicationId").GetString());
    }

    [Fact]
    public async Task Reading_a_report_follows_the_organisation_scope_and_bad_input_is_4xx()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);
        var cycle = new Commissioning(silo.Client());
        await cycle.SetUpAsync();
        var supplierViewer = await cycle.KeyAsync(cycle.Admin, "Viewer", Commissioning.Supplier);
        var councilViewer = await cycle.KeyAsync(cycle.Admin, "Viewer", Commissioning.Council);

        await supplierViewer.GetAsync($"/api/organisations/{Commissioning.Council}/report").AssertProblemAsync(HttpStatusCode.Forbidden);
        await councilViewer.GetAsync($"/api/organisations/{Commissioning.Council}/report").AssertJsonAsync(HttpStatusCode.OK);
        await cycle.Admin.GetAsync("/api/organisations/nowhere/report").AssertProblemAsync(HttpStatusCode.NotFound);
        await cycle.Admin.GetAsync($"/api/organisations/{Commissioning.Council}/report?year=12").AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await cycle.Admin.GetAsync($"/api/organisations/{Commissioning.Council}/report?format=pdf").AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await silo.Client(null).GetAsync($"/api/organisations/{Commissioning.Council}/report").AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task ReturnAsync(Commissioning cycle, string contract, int jobs, int carbon, bool accepted)
    {
        var submitted = await cycle.PostAsync($"/api/contracts/{contract}/returns", new
        {
            period = Commissioning.Period(0),
            lines = new object[] { new { measureId = "new-jobs", quantity = jobs }, new { measureId = "carbon-saved", quantity = carbon } },
        });
        (await cycle.Admin.PutAsJsonAsync($"/api/contracts/{contract}/returns/{submitted.GetProperty("id").GetString()}/verification",
            new { accepted, comment = "Checked" })).EnsureSuccessStatusCode();
    }

    private static (decimal Committed, decimal Delivered) Values(JsonElement element) =>
        (element.GetProperty("committedValue").GetDecimal(), element.GetProperty("deliveredValue").GetDecimal());
}
