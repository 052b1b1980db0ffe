using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Contracts;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

/// <summary>
/// One Silo on SQLite with something in every list of API.md: a council's contracts, one in Tendering with five bids
/// and one Live with three returns (two rejected and replaced), formula versions, local Kite Mark schemes,
/// nominations, two awards on the register. Built once for the convention tests, which only add to it.
/// </summary>
public sealed class IntegratorWorld : IAsyncLifetime
{
    public const string Tendered = "tendered";
    public const string Live = "live";

    private TestDatabase _database = null!;

    public TestSilo Silo { get; private set; } = null!;

    public Commissioning Commissioning { get; private set; } = null!;

    internal KiteMarkParties KiteMark { get; private set; } = null!;

    public HttpClient Admin => Commissioning.Admin;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        Silo = await TestSilo.StartAsync(_database);
        Commissioning = new Commissioning(Silo.Client());
        await Commissioning.SetUpAsync();

        await Commissioning.CreateContractAsync(Tendered);
        await Commissioning.SpecifyAsync(Tendered);
        await Commissioning.FireOkAsync(Tendered, "PublishTender");
        foreach (var (bid, price) in new[] { ("bid-a", 500m), ("bid-b", 400m), ("bid-c", 450m), ("bid-d", 300m), ("bid-e", 350m) })
        {
            await Commissioning.BidAsync(Tendered, bid, $"Supplier {bid}", price, [new { measureId = "new-jobs", target = 5 }]);
        }

        await Commissioning.ToLiveAsync(Live);
        // One return a quarter unless it was rejected: the first quarter's, rejected and replaced twice.
        string? rejected = null;
        foreach (var returnId in new[] { "return-1", "return-2", "return-3" })
        {
            if (rejected is not null)
            {
                await Admin.PutAsJsonAsync($"/api/contracts/{Live}/returns/{rejected}/verification",
                    new { accepted = false, comment = "Add the payroll evidence" }).AssertJsonAsync(HttpStatusCode.OK);
            }
            await Admin.PostJsonAsync($"/api/contracts/{Live}/returns",
                new { id = returnId, period = Commissioning.Period(0), lines = new[] { new { measureId = "new-jobs", quantity = 3 } } })
                .AssertJsonAsync(HttpStatusCode.Created);
            rejected = returnId;
        }
        await Commissioning.CreateContractAsync("third");
        foreach (var source in new[] { "Quantity * Proxy(\"JOB\") * 1", "Quantity * Proxy(\"JOB\") * 2" })
        {
            await Commissioning.PostAsync($"/api/frameworks/{Commissioning.Framework}/measures/new-jobs/formula", new { source });
        }
        foreach (var source in new[] { "Max(\"levels\")", "Max(\"levels\") * 1" })
        {
            await Admin.PutAsJsonAsync("/api/maturity/overall-formula", new { source }).AssertJsonAsync(HttpStatusCode.OK);
        }

        KiteMark = await KiteMarkParties.CreateAsync(Silo);
        foreach (var scheme in new[] { "wirral", "wirral-youth" })
        {
            await KiteMark.Champion.PutAsJsonAsync($"/api/kitemark/schemes/{scheme}",
                new { name = $"Scheme {scheme}", copyFrom = "cheshire-merseyside", validity = "P3Y" }).AssertJsonAsync(HttpStatusCode.OK);
        }
        await Commissioning.PostAsync("/api/organisations", new { id = "wirral-cvs", name = "Wirral CVS", type = "Vcfse", place = "Wirral" });
        foreach (var organisation in new[] { "mersey-vcfse", "wirral-cvs" })
        {
            await KiteMark.Champion.PutAsJsonAsync($"/api/kitemark/nominations/{organisation}", new { }).AssertJsonAsync(HttpStatusCode.OK);
        }
        await KiteMark.AwardAsync("award-alder-hey");
        await Admin.PostJsonAsync("/api/kitemark/applications",
            new { id = "award-acme", organisationId = Commissioning.Supplier, awardingBodyId = "wirral-council", consentToPublish = true })
            .AssertJsonAsync(HttpStatusCode.Created);
        await KiteMark.SubmitAndAwardAsync("award-acme");
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The client a test names: <c>admin</c>, <c>champion</c> (of Wirral Council) or <c>anonymous</c>.</summary>
    public HttpClient Client(string who) => who switch
    {
        "admin" => Admin,
        "champion" => KiteMark.Champion,
        "anonymous" => Silo.Client(key: null),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "admin, champion or anonymous"),
    };

    /// <summary>The value at a dotted path of a JSON object, as text (<c>bid.id</c>).</summary>
    public static string Value(JsonElement element, string path) =>
        path.Split('.').Aggregate(element, (e, name) => e.GetProperty(name)).ToString();
}
