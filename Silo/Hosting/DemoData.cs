using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using SocialValue.Api.Auth;
using SocialValue.Errors;
using SocialValue.Keys;
using SocialValue.Organisations;
using SocialValue.Maturity;

namespace SocialValue.Silo.Hosting;

/// <summary>
/// <c>scripts/run --demo</c>: once the Silo listens, loads a worked example from the seeds through the REST API, as an
/// administrator would: Walsall Council with seed 001's assessment; a contract on Walsall's framework (seed 000) in its
/// third quarter with two verified returns; an NHS trust's Social Value Award application under review by a Cheshire
/// &amp; Merseyside champion (seed 002); and a key for each role, printed once. A database that has the example already
/// is left as it is. The shipped framework has no proxy values, so its count measures report units and no £ (DOMAIN.md
/// "Money"); the example sets none, so the only £ shown are the contract's community grants, counted in £.
/// </summary>
public sealed class DemoData(IServer server, IHostApplicationLifetime lifetime, IGrainFactory grains, DemoClock clock) : BackgroundService
{
    public const string Council = "walsall-council";
    public const string Supplier = "black-country-care";
    public const string Contract = "walsall-home-care";
    public const string AwardingBody = "liverpool-city-council";
    public const string Trust = "merseyside-community-nhs-trust";
    public const string Application = "merseyside-community-award";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The demo needs the Silo's HTTP address.");
        if (await LoadedAsync())
        {
            Say("the demo is loaded already; its keys were printed when it was loaded.");
            return;
        }
        using var admin = await AdministratorAsync(new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
        try
        {
            var keys = new List<(string Who, string Key)> { ("Administrator", admin.Key) };
            Say("1/4 organisations: Walsall Council, a supplier, Liverpool City Council (awarding body), an NHS trust");
            await OrganisationsAsync(admin);
            Say("2/4 Walsall Council's maturity assessment (seed 001)");
            await AssessmentAsync(admin);
            Say("3/4 a home care contract on Walsall's framework, live for two quarters, with verified returns");
            await ContractAsync(admin);
            Say("4/4 the NHS trust's Social Value Award application, under review by the awarding body's champion");
            await ApplicationAsync(admin);
            keys.Add(("Officer, Walsall Council", await KeyAsync(admin, "Officer", Council)));
            keys.Add(("Viewer, Walsall Council", await KeyAsync(admin, "Viewer", Council)));
            keys.Add(("Supplier, Black Country Care", await KeyAsync(admin, "Supplier", Supplier)));
            keys.Add(("Champion, Liverpool City Council", await KeyAsync(admin, "Champion", AwardingBody)));
            keys.Add(("Officer, Merseyside Community NHS Trust", await KeyAsync(admin, "Officer", Trust)));
            Console.WriteLine($"""

                SocialValue demo loaded. Sign in at {address}/sign-in with one of these keys (shown once, keep them):
                {string.Join(Environment.NewLine, keys.Select(k => $"  {k.Who,-40} {k.Key}"))}

                """);
        }
        finally
        {
            clock.Reset();
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> LoadedAsync()
    {
        try
        {
            await grains.GetGrain<IOrganisationGrain>(Council).GetAsync();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static void Say(string line) => Console.WriteLine($"SocialValue demo: {line}");

    private async Task<Loader> AdministratorAsync(Uri address)
    {
        var (id, key, hash) = ApiKeyFormat.Issue();
        await grains.GetGrain<IApiKeyGrain>(id).CreateAsync(new NewApiKey("demo administrator", Role.Admin, null, hash));
        return new Loader(address, key);
    }

    private static Task OrganisationsAsync(Loader admin) => Task.WhenAll(
        admin.PostAsync("/api/organisations", new { id = Council, name = "Walsall Council", type = "LocalAuthority", place = "Walsall" }),
        admin.PostAsync("/api/organisations", new { id = Supplier, name = "Black Country Care Ltd", type = "BusinessAndIndustry", place = "Walsall" }),
        admin.PostAsync("/api/organisations", new { id = AwardingBody, name = "Liverpool City Council", type = "LocalAuthority", place = "Liverpool" }),
        admin.PostAsync("/api/organisations", new { id = Trust, name = "Merseyside Community NHS Trust", type = "NhsProvider", place = "Liverpool" }));

    private static Task AssessmentAsync(Loader admin) =>
        admin.SendAsync(HttpMethod.Put, $"/api/organisations/{Council}/maturity", new
        {
            dimensions = MaturityModel.WalsallAssessment.Dimensions
                .Select(d => new { code = d.Code, present = d.Present.ToString(), target = d.Target.ToString() }),
        });

    /// <summary>
    /// Two quarters ago the contract went live; its first return came early in the next quarter and its second late in
    /// it, each verified. The business clock is set to those days while they happen, so history and dates read true.
    /// </summary>
    private async Task ContractAsync(Loader admin)
    {
        var now = clock.GetUtcNow();
        var thisQuarter = new DateTimeOffset(now.Year, (now.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);
        var first = thisQuarter.AddMonths(-6);
        var second = thisQuarter.AddMonths(-3);

        clock.SetTo(first.AddDays(2));
        await admin.SendAsync(HttpMethod.Put, $"/api/organisations/{Council}/framework", new { frameworkId = "walsall" });
        await admin.PostAsync("/api/contracts", new { id = Contract, organisationId = Council, title = "Home care in Walsall", value = 2_400_000m });
        foreach (var trigger in new[] { "AnalyseNeeds", "Consult", "Specify" })
        {
            await admin.FireAsync(trigger);
        }
        await admin.SendAsync(HttpMethod.Put, $"/api/contracts/{Contract}/specification", new
        {
            outcomeIds = new[] { "economic-growth-o1", "economic-growth-o2", "communities-o1" },
            measureIds = new[] { "economic-growth-m2", "economic-growth-m4", "communities-m6" },
        });
        await admin.FireAsync("PublishTender", new { acknowledgeShortLeadTime = true });
        await admin.PostAsync($"/api/contracts/{Contract}/bids", new
        {
            id = "black-country-care",
            supplier = "Black Country Care Ltd",
            supplierOrganisationId = Supplier,
            price = 2_250_000m,
            commitments = new object[]
            {
                new { measureId = "economic-growth-m2", target = 12 },
                new { measureId = "economic-growth-m4", target = 8 },
                new { measureId = "communities-m6", target = 25_000 },
            },
            answers = new
            {
                delivery = "Carers recruited through Walsall's job centres; eight apprenticeships with the local college; a community grants fund.",
                measurement = "Payroll postcodes and apprenticeship agreements each quarter; grant letters audited by the council.",
            },
        });
        await admin.PostAsync($"/api/contracts/{Contract}/bids", new
        {
            id = "midlands-homecare",
            supplier = "Midlands Homecare Services",
            price = 2_100_000m,
            commitments = new object[] { new { measureId = "economic-growth-m2", target = 5 } },
            answers = new { delivery = "Local recruitment where vacancies arise.", measurement = "An annual statement." },
        });
        await admin.FireAsync("CloseTender");
        await admin.SendAsync(HttpMethod.Put, $"/api/contracts/{Contract}/bids/black-country-care/scores", new { delivery = 4, measurement = 4 });
        await admin.SendAsync(HttpMethod.Put, $"/api/contracts/{Contract}/bids/midlands-homecare/scores", new { delivery = 2, measurement = 1 });
        await admin.FireAsync("Award", new { bidId = "black-country-care" });
        await admin.FireAsync("GoLive");

        clock.SetTo(second.AddDays(5));
        await ReturnAsync(admin, "q1", first, jobs: 3, traineeships: 2, grants: 5_000m);
        clock.SetTo(second.AddDays(80));
        await ReturnAsync(admin, "q2", second, jobs: 4, traineeships: 2, grants: 7_500m);
        clock.Reset();
    }

    private static async Task ReturnAsync(Loader admin, string id, DateTimeOffset quarter, int jobs, int traineeships, decimal grants)
    {
        await admin.PostAsync($"/api/contracts/{Contract}/returns", new
        {
            id,
            period = $"{quarter.Year}-Q{(quarter.Month - 1) / 3 + 1}",
            lines = new object[]
            {
                new { measureId = "economic-growth-m2", quantity = jobs, evidence = "Payroll extract with postcodes" },
                new { measureId = "economic-growth-m4", quantity = traineeships, evidence = "Apprenticeship agreements" },
                new { measureId = "communities-m6", quantity = grants, evidence = "Grant award letters" },
            },
        });
        await admin.SendAsync(HttpMethod.Put, $"/api/contracts/{Contract}/returns/{id}/verification",
            new { accepted = true, comment = "Checked against the payroll extract and grant letters." });
    }

    private static async Task ApplicationAsync(Loader admin)
    {
        await admin.PostAsync("/api/kitemark/applications", new
        {
            id = Application, organisationId = Trust, awardingBodyId = AwardingBody, schemeId = "cheshire-merseyside", consentToPublish = true,
        });
        var scheme = await admin.GetAsync("/api/kitemark/schemes/cheshire-merseyside");
        var evidence = new Dictionary<string, string>
        {
            ["social"] = "Staff wellbeing programme with mental health first aiders on every ward.",
            ["economic"] = "Forty local people recruited into entry-level roles through the trust's employment academy.",
            ["environment"] = "Green travel plan: cycle-to-work scheme and electric pool cars.",
            ["innovation"] = "A pilot of community-based diabetes clinics with a local housing association.",
        };
        foreach (var theme in scheme.GetProperty("themes").EnumerateArray())
        {
            var criterion = theme.GetProperty("criteria").EnumerateArray()
                .OrderByDescending(c => c.GetProperty("mustDo").GetBoolean()).First();
            var text = evidence.GetValueOrDefault(theme.GetProperty("id").GetString()!, "Evidence from the trust's annual social value statement.");
            await admin.PostAsync($"/api/kitemark/applications/{Application}/evidence",
                new { criterionId = criterion.GetProperty("id").GetString(), description = text });
        }
        await admin.FireApplicationAsync("Submit");
        await admin.FireApplicationAsync("StartReview");
    }

    private static async Task<string> KeyAsync(Loader admin, string role, string organisationId)
    {
        var created = await admin.PostAsync("/api/keys", new { name = $"demo {role.ToLowerInvariant()}", role, organisationId });
        return created.GetProperty("key").GetString()!;
    }

    /// <summary>An administrator's REST client on the Silo itself: every call must succeed, or the demo stops with the API's answer.</summary>
    private sealed class Loader : IDisposable
    {
        public Loader(Uri address, string key)
        {
            Key = key;
            Client = new HttpClient { BaseAddress = address };
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        public string Key { get; }

        public HttpClient Client { get; }

        public async Task<JsonElement> GetAsync(string path) => await ReadAsync(await Client.GetAsync(path));

        public Task<JsonElement> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

        public async Task<JsonElement> SendAsync(HttpMethod method, string path, object body) =>
            await ReadAsync(await Client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }));

        public Task<JsonElement> FireAsync(string trigger, object? arguments = null) =>
            PostAsync($"/api/contracts/{Contract}/transitions", WithTrigger(trigger, arguments));

        public Task<JsonElement> FireApplicationAsync(string trigger) =>
            PostAsync($"/api/kitemark/applications/{Application}/transitions", new { trigger });

        public void Dispose() => Client.Dispose();

        private static Dictionary<string, object> WithTrigger(string trigger, object? arguments)
        {
            var body = JsonSerializer.SerializeToElement(arguments ?? new { }).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
            body["trigger"] = trigger;
            return body;
        }

        private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"The demo could not load: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {text}");
            }
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
