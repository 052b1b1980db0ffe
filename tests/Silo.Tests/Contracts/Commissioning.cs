using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>
/// Drives the commissioning cycle over HTTP: a council with its own copy of Walsall's framework, three measures valued
/// by proxy values (JOB rises from £1,000 to £1,500 at the start of the quarter after next), and contracts on it.
/// </summary>
public sealed class Commissioning(HttpClient admin)
{
    public const string Council = "walsall-council";
    public const string Supplier = "acme-care";
    public const string Framework = "walsall-sv";

    /// <summary>The quarter the test runs in: contracts that go live today report from it.</summary>
    public static readonly (int Year, int Number) FirstQuarter = (DateTime.UtcNow.Year, (DateTime.UtcNow.Month - 1) / 3 + 1);

    public HttpClient Admin { get; } = admin;

    public static string Period(int offset)
    {
        var index = FirstQuarter.Year * 4 + FirstQuarter.Number - 1 + offset;
        return $"{index / 4:D4}-Q{index % 4 + 1}";
    }

    public static string PeriodStart(int offset)
    {
        var period = Period(offset);
        return $"{period[..4]}-{(period[6] - '1') * 3 + 1:D2}-01";
    }

    public async Task SetUpAsync(string councilType = "LocalAuthority")
    {
        await PostAsync("/api/organisations", new { id = Council, name = "Walsall Council", type = councilType, place = "Walsall" });
        await PostAsync("/api/organisations", new { id = Supplier, name = "Acme Care Ltd", type = "BusinessAndIndustry", place = "Walsall" });
        await PostAsync("/api/frameworks", new { id = Framework, name = "Walsall social value", copyFrom = "walsall" });
        await PostAsync($"/api/frameworks/{Framework}/themes", new { id = "jobs", name = "Jobs and skills" });
        await PostAsync($"/api/frameworks/{Framework}/themes/jobs/outcomes", new { id = "local-jobs", name = "More local people in work" });
        await PostAsync($"/api/frameworks/{Framework}/themes", new { id = "environment", name = "Environment" });
        await PostAsync($"/api/frameworks/{Framework}/themes/environment/outcomes", new { id = "less-carbon", name = "Less carbon" });
        await AddMeasureAsync("new-jobs", "jobs", "local-jobs", "FTE", "Quantity * Proxy(\"JOB\")");
        await AddMeasureAsync("apprentice-weeks", "jobs", "local-jobs", "weeks", "Quantity * Proxy(\"APP\")");
        await AddMeasureAsync("carbon-saved", "environment", "less-carbon", "tCO2e", "Quantity * Proxy(\"CO2\")");
        await SetProxyAsync("JOB", 1_000m, "2000-01-01");
        await SetProxyAsync("JOB", 1_500m, PeriodStart(2));
        await SetProxyAsync("APP", 250m, "2000-01-01");
        await SetProxyAsync("CO2", 80m, "2000-01-01");
        (await Admin.PutAsJsonAsync($"/api/organisations/{Council}/framework", new { frameworkId = Framework })).EnsureSuccessStatusCode();
    }

    public Task<JsonElement> CreateContractAsync(string id, decimal value = 1_000_000m) =>
        PostAsync("/api/contracts", new { id, organisationId = Council, title = $"Contract {id}", value });

    public Task<HttpResponseMessage> FireAsync(string id, string trigger, object? arguments = null) =>
        TransitionAsync(Admin, $"/api/contracts/{id}", trigger, arguments);

    /// <summary>Posts <c>{trigger, ...arguments}</c> to the workflow resource at <paramref name="resource"/> as <paramref name="client"/>.</summary>
    public static Task<HttpResponseMessage> TransitionAsync(HttpClient client, string resource, string trigger, object? arguments = null)
    {
        var body = JsonSerializer.SerializeToElement(arguments ?? new { }).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object)p.Value);
        body["trigger"] = trigger;
        return client.PostAsJsonAsync($"{resource}/transitions", body);
    }

    public async Task<JsonElement> FireOkAsync(string id, string trigger, object? arguments = null) =>
        await (await FireAsync(id, trigger, arguments)).AssertJsonAsync(HttpStatusCode.OK);

    /// <summary>Initiated → Specification, with every measure of the framework's two outcomes specified.</summary>
    public async Task SpecifyAsync(string id)
    {
        await FireOkAsync(id, "AnalyseNeeds");
        await FireOkAsync(id, "Consult");
        await FireOkAsync(id, "Specify");
        (await Admin.PutAsJsonAsync($"/api/contracts/{id}/specification", new
        {
            outcomeIds = new[] { "local-jobs", "less-carbon" },
            measureIds = new[] { "new-jobs", "apprentice-weeks", "carbon-saved" },
        })).EnsureSuccessStatusCode();
    }

    public Task<JsonElement> BidAsync(string id, string bidId, string supplier, decimal price, object[] commitments, string? supplierOrganisationId = null) =>
        PostAsync($"/api/contracts/{id}/bids", new
        {
            id = bidId,
            supplier,
            supplierOrganisationId,
            price,
            commitments,
            answers = new { delivery = "Local recruitment through the job centre", measurement = "Payroll postcodes, audited quarterly" },
        });

    public Task<HttpResponseMessage> ScoreAsync(string id, string bidId, decimal delivery, decimal measurement) =>
        Admin.PutAsJsonAsync($"/api/contracts/{id}/bids/{bidId}/scores", new { delivery, measurement });

    /// <summary>All the way to Live, Acme's bid committing 10 new jobs and 50 tCO2e saved.</summary>
    public async Task<JsonElement> ToLiveAsync(string id)
    {
        await CreateContractAsync(id);
        await SpecifyAsync(id);
        await FireOkAsync(id, "PublishTender");
        await BidAsync(id, "acme", "Acme Care Ltd", 900_000m,
            [new { measureId = "new-jobs", target = 10 }, new { measureId = "carbon-saved", target = 50 }], Supplier);
        await FireOkAsync(id, "CloseTender");
        (await ScoreAsync(id, "acme", 4, 5)).EnsureSuccessStatusCode();
        await FireOkAsync(id, "Award", new { bidId = "acme" });
        return await FireOkAsync(id, "GoLive");
    }

    public async Task<HttpClient> KeyAsync(HttpClient client, string role, string organisationId)
    {
        var created = await PostAsync("/api/keys", new { name = $"{role} of {organisationId}", role, organisationId });
        var keyed = new HttpClient { BaseAddress = client.BaseAddress };
        keyed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.GetProperty("key").GetString());
        return keyed;
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await (await Admin.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);

    public async Task<JsonElement> PostAsync(string path, object body) =>
        await (await Admin.PostAsJsonAsync(path, body)).AssertJsonAsync(HttpStatusCode.Created);

    private Task<JsonElement> AddMeasureAsync(string id, string themeId, string outcomeId, string unit, string formula) =>
        PostAsync($"/api/frameworks/{Framework}/measures", new { id, themeId, outcomeId, title = id, unit, formula });

    private async Task SetProxyAsync(string code, decimal value, string effectiveFrom) =>
        (await Admin.PutAsJsonAsync($"/api/frameworks/{Framework}/proxy-values/{code}", new { value, effectiveFrom })).EnsureSuccessStatusCode();
}
