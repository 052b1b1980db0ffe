using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Operations;

/// <summary>
/// <c>scripts/run --demo</c> (<c>Demo:Load=true</c>): a newcomer's first start finds the worked example loaded through the
/// real API — Walsall's assessment from seed 001, a contract in its third quarter with two verified returns, an NHS
/// trust's application under review, a key per role — and a second start on the same database adds nothing.
/// </summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_demo_loads_the_worked_example_once()
    {
        // The keys are printed, once, to the console: read them there, as a newcomer would.
        var console = Console.Out;
        var printed = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(printed));
        try
        {
            await LoadsOnceAsync(printed);
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    private async Task LoadsOnceAsync(StringWriter printed)
    {
        await using (var silo = await TestSilo.StartAsync(_database, ["--Demo:Load=true"]))
        {
            var admin = silo.Client();
            var application = await Eventually.HoldsAsync(
                () => GetOrNullAsync(admin, "/api/kitemark/applications/merseyside-community-award"),
                a => a?.GetProperty("state").GetString() == "UnderReview", TimeSpan.FromSeconds(60),
                "the demo's Kite Mark application reached UnderReview");
            Assert.Equal("liverpool-city-council", application!.Value.GetProperty("awardingBodyId").GetString());
            Assert.Equal(4, application.Value.GetProperty("evidence").GetArrayLength());

            var maturity = await admin.GetAsync("/api/organisations/walsall-council/maturity").AssertJsonAsync(HttpStatusCode.OK);
            var dimensions = maturity.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!);
            Assert.Equal(10, dimensions.Count);
            Assert.Equal(("Incomplete", "Mature"), Levels(dimensions["H"]));
            Assert.Equal(("Follower", "Leader"), Levels(dimensions["J"]));

            var contract = await admin.GetAsync("/api/contracts/walsall-home-care").AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Live", contract.GetProperty("state").GetString());
            var now = DateTimeOffset.UtcNow;
            var liveFrom = contract.GetProperty("liveFrom").GetDateTimeOffset();
            Assert.Equal(QuarterIndex(now) - 2, QuarterIndex(liveFrom));
            var returns = await admin.GetAsync("/api/contracts/walsall-home-care/returns").AssertJsonAsync(HttpStatusCode.OK);
            var periods = returns.EnumerateArray()
                .Select(r => (r.GetProperty("period").GetString(), r.GetProperty("status").GetString())).OrderBy(p => p.Item1).ToList();
            Assert.Equal([(Period(QuarterIndex(now) - 2), "Accepted"), (Period(QuarterIndex(now) - 1), "Accepted")], periods);

            // Units from the returns; £ only from the grants counted in £ (no proxy values are set on the shipped framework).
            var value = await admin.GetAsync("/api/contracts/walsall-home-care/social-value").AssertJsonAsync(HttpStatusCode.OK);
            var total = value.GetProperty("total");
            Assert.Equal(12_500m, total.GetProperty("deliveredValue").GetDecimal());
            Assert.Equal(2, total.GetProperty("unvaluedMeasures").GetInt32());

            var keys = await Eventually.HoldsAsync(() => Task.FromResult(PrintedKeys(printed.ToString())), k => k.Count == 6,
                TimeSpan.FromSeconds(30), "the demo printed six keys");
            var holders = new List<(string?, string?)>();
            foreach (var key in keys)
            {
                await silo.Client(key).GetAsync("/api/maturity/model").AssertJsonAsync(HttpStatusCode.OK);
                var holder = await admin.GetAsync($"/api/keys/{key.Split('_')[1]}").AssertJsonAsync(HttpStatusCode.OK);
                holders.Add((holder.GetProperty("role").GetString(), holder.GetProperty("organisationId").GetString()));
            }
            Assert.Equal(
                [("Admin", null), ("Champion", "liverpool-city-council"), ("Officer", "merseyside-community-nhs-trust"),
                 ("Officer", "walsall-council"), ("Supplier", "black-country-care"), ("Viewer", "walsall-council")],
                holders.Order().ToList());
        }

        await using (var again = await TestSilo.StartAsync(_database, ["--Demo:Load=true"]))
        {
            var admin = again.Client();
            await Eventually.HoldsAsync(() => Task.FromResult(printed.ToString()), p => p.Contains("the demo is loaded already", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30), "the second start said the demo is loaded already");
            Assert.Equal(6, PrintedKeys(printed.ToString()).Count);
            var contracts = await admin.GetAsync("/api/organisations/walsall-council/contracts").AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(1, contracts.GetArrayLength());
        }
    }

    private static (string?, string?) Levels(JsonElement dimension) =>
        (dimension.GetProperty("present").GetString(), dimension.GetProperty("target").GetString());

    private static int QuarterIndex(DateTimeOffset at) => at.Year * 4 + (at.Month - 1) / 3;

    private static string Period(int index) => $"{index / 4:D4}-Q{index % 4 + 1}";

    private static List<string> PrintedKeys(string console) =>
        [.. Regex.Matches(console, @"^  .+? (sv_[0-9a-f]{12}_\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value)];

    private static async Task<JsonElement?> GetOrNullAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK ? await response.AssertJsonAsync(HttpStatusCode.OK) : null;
    }
}
