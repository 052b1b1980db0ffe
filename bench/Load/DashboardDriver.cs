using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocialValue.Bench.Load;

/// <summary>
/// The dashboard at a council's size (<c>load dashboard --provider Sqlite --contracts 50 --requests 100</c>, issue 13):
/// through the API, a council on its own framework (two measures valued by proxy values), <c>--contracts</c> live
/// contracts each with a verified return, and a full maturity plan (every dimension from Incomplete to Innovator); then,
/// signed in on the pages as the council's Viewer, <c>--requests</c> sequential GETs of <c>/organisations/{id}</c> and of
/// its annual report page, timed to the last byte (median, p95), with the page weight: the HTML and the CSS and JS it
/// links. <c>--compare &lt;SocialValue.Silo.dll&gt;</c> runs another build (e.g. one without the headline) the same way.
/// </summary>
public static partial class DashboardDriver
{
    public const string Name = "dashboard";

    private const string Council = "bench-council";
    private const string Framework = "bench-sv";

    public static async Task RunAsync(Options options)
    {
        var provider = options.Text("provider", "Sqlite");
        var contracts = options.Number("contracts", 50);
        var requests = options.Number("requests", 100);
        var compare = options.Text("compare", "");
        LoadRun.PrintHeader("Dashboard", provider, options);
        var rows = new List<string>();
        foreach (var (build, dll) in new[] { ("this build", (string?)null), ("compared build", compare) }.Where(b => b.Item2 != ""))
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            await using var silo = await SiloServer.StartAsync(database, dll);
            using var admin = silo.Client();
            var setUp = Stopwatch.StartNew();
            await SetUpAsync(admin, contracts);
            Console.WriteLine($"{build}: {contracts} live contracts with returns and a full plan set up in {setUp.Elapsed.TotalSeconds:F0} s");
            using var session = await SignInAsync(silo, await ViewerKeyAsync(admin));
            foreach (var path in new[] { $"/organisations/{Council}", $"/organisations/{Council}/report" })
            {
                if (!await ServedAsync(session, path))
                {
                    rows.Add($"| {build} | `GET {path}` | not served by this build | | | | | |");
                    continue;
                }
                var (html, assets) = await WeightAsync(session, path);
                var times = await TimeAsync(session, path, requests);
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {build} | `GET {path}` | {requests} | {Percentile(times, 0.5):F1} ms | {Percentile(times, 0.95):F1} ms | "
                    + $"{html / 1024.0:F1} KB | {assets / 1024.0:F1} KB | **{(html + assets) / 1024.0:F1} KB** |");
                Console.WriteLine(line);
                rows.Add(line);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Dashboard driver, {provider}, {contracts} contracts; load average at the end {WritesDriver.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| Build | Page | GETs | median | p95 | HTML | CSS + JS | page weight |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task SetUpAsync(HttpClient admin, int contracts)
    {
        await PostAsync(admin, "/api/organisations", new { id = Council, name = "Bench Council", type = "LocalAuthority", place = "Walsall" });
        await PostAsync(admin, "/api/organisations", new { id = "bench-supplier", name = "Bench Supplier Ltd", type = "BusinessAndIndustry", place = "Walsall" });
        await PostAsync(admin, "/api/frameworks", new { id = Framework, name = "Bench social value", copyFrom = "walsall" });
        await PostAsync(admin, $"/api/frameworks/{Framework}/themes", new { id = "jobs", name = "Jobs and skills" });
        await PostAsync(admin, $"/api/frameworks/{Framework}/themes/jobs/outcomes", new { id = "local-jobs", name = "More local people in work" });
        await PostAsync(admin, $"/api/frameworks/{Framework}/themes", new { id = "environment", name = "Environment" });
        await PostAsync(admin, $"/api/frameworks/{Framework}/themes/environment/outcomes", new { id = "less-carbon", name = "Less carbon" });
        await PostAsync(admin, $"/api/frameworks/{Framework}/measures",
            new { id = "new-jobs", themeId = "jobs", outcomeId = "local-jobs", title = "New local jobs", unit = "FTE", formula = "Quantity * Proxy(\"JOB\")" });
        await PostAsync(admin, $"/api/frameworks/{Framework}/measures",
            new { id = "carbon-saved", themeId = "environment", outcomeId = "less-carbon", title = "Carbon saved", unit = "tCO2e", formula = "Quantity * Proxy(\"CO2\")" });
        await SendAsync(admin, HttpMethod.Put, $"/api/frameworks/{Framework}/proxy-values/JOB", new { value = 1_000m, effectiveFrom = "2000-01-01" });
        await SendAsync(admin, HttpMethod.Put, $"/api/frameworks/{Framework}/proxy-values/CO2", new { value = 80m, effectiveFrom = "2000-01-01" });
        await SendAsync(admin, HttpMethod.Put, $"/api/organisations/{Council}/framework", new { frameworkId = Framework });

        var model = await Organisations.SendJsonAsync(admin, HttpMethod.Get, "/api/maturity/model", null, HttpStatusCode.OK);
        var dimensions = model.GetProperty("dimensions").EnumerateArray()
            .Select(d => new { code = d.GetProperty("code").GetString(), present = "Incomplete", target = "Innovator" }).ToArray();
        await SendAsync(admin, HttpMethod.Put, $"/api/organisations/{Council}/maturity", new { dimensions });

        var made = await LoadRun.RunAsync(8, TimeSpan.FromHours(1), (_, i) => LiveContractAsync(admin, $"bench-contract-{i:D3}"), contracts);
        GrowDriver.Ensure(made);
    }

    /// <summary>Initiated to Live, the supplier committing 10 jobs and 50 tCO2e, then this quarter's return verified.</summary>
    private static async Task LiveContractAsync(HttpClient admin, string id)
    {
        await PostAsync(admin, "/api/contracts", new { id, organisationId = Council, title = $"Contract {id}", value = 1_000_000m });
        foreach (var trigger in new[] { "AnalyseNeeds", "Consult", "Specify" })
        {
            await FireAsync(admin, id, trigger);
        }
        await SendAsync(admin, HttpMethod.Put, $"/api/contracts/{id}/specification",
            new { outcomeIds = new[] { "local-jobs", "less-carbon" }, measureIds = new[] { "new-jobs", "carbon-saved" } });
        await FireAsync(admin, id, "PublishTender");
        await PostAsync(admin, $"/api/contracts/{id}/bids", new
        {
            id = "acme",
            supplier = "Bench Supplier Ltd",
            supplierOrganisationId = "bench-supplier",
            price = 900_000m,
            commitments = new[] { new { measureId = "new-jobs", target = 10m }, new { measureId = "carbon-saved", target = 50m } },
            answers = new { delivery = "Local recruitment", measurement = "Payroll postcodes" },
        });
        await FireAsync(admin, id, "CloseTender");
        await SendAsync(admin, HttpMethod.Put, $"/api/contracts/{id}/bids/acme/scores", new { delivery = 4, measurement = 5 });
        await FireAsync(admin, id, "Award", new { trigger = "Award", bidId = "acme" });
        await FireAsync(admin, id, "GoLive");
        var now = DateTime.UtcNow;
        var period = string.Create(CultureInfo.InvariantCulture, $"{now.Year:D4}-Q{(now.Month - 1) / 3 + 1}");
        var submitted = await PostAsync(admin, $"/api/contracts/{id}/returns",
            new { period, lines = new[] { new { measureId = "new-jobs", quantity = 4m }, new { measureId = "carbon-saved", quantity = 20m } } });
        await SendAsync(admin, HttpMethod.Put, $"/api/contracts/{id}/returns/{submitted.GetProperty("id").GetString()}/verification",
            new { accepted = true, comment = "Checked" });
    }

    private static async Task<string> ViewerKeyAsync(HttpClient admin) =>
        (await PostAsync(admin, "/api/keys", new { name = "bench viewer", role = "Viewer", organisationId = Council })).GetProperty("key").GetString()!;

    /// <summary>Signs in on the page as a browser does: the sign-in form's antiforgery token, then the key, keeping the cookies.</summary>
    private static async Task<HttpClient> SignInAsync(SiloServer silo, string key)
    {
        var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(120) };
        var form = await session.GetStringAsync("/sign-in");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await session.PostAsync("/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = WebUtility.HtmlDecode(token), ["key"] = key, ["returnUrl"] = "/" }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
        }
        return session;
    }

    /// <summary>The page's HTML bytes, and the bytes of the stylesheets and scripts it links (as sent, uncompressed).</summary>
    private static async Task<(long Html, long Assets)> WeightAsync(HttpClient session, string path)
    {
        var html = await GetAsync(session, path);
        var text = System.Text.Encoding.UTF8.GetString(html);
        long assets = 0;
        foreach (var asset in LinkedAsset().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
        {
            assets += (await GetAsync(session, asset)).Length;
        }
        return (html.Length, assets);
    }

    private static async Task<bool> ServedAsync(HttpClient session, string path)
    {
        using var response = await session.GetAsync(path);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private static async Task<List<double>> TimeAsync(HttpClient session, string path, int requests)
    {
        for (var i = 0; i < 5; i++)
        {
            await GetAsync(session, path);
        }
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(session, path);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static async Task<byte[]> GetAsync(HttpClient session, string path)
    {
        using var response = await session.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static Task FireAsync(HttpClient admin, string id, string trigger, object? body = null) =>
        Organisations.SendJsonAsync(admin, HttpMethod.Post, $"/api/contracts/{id}/transitions", body ?? new { trigger }, HttpStatusCode.OK);

    private static Task<JsonElement> PostAsync(HttpClient admin, string path, object body) =>
        Organisations.SendJsonAsync(admin, HttpMethod.Post, path, body, HttpStatusCode.Created);

    /// <summary>A PUT that must succeed, whatever its 2xx.</summary>
    private static async Task SendAsync(HttpClient admin, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await admin.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<(?:link[^>]+href|script[^>]+src)=\"(/[^\"]+)\"")]
    private static partial Regex LinkedAsset();
}
