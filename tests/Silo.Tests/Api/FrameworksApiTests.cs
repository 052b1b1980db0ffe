using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

/// <summary>API.md "Frameworks, measures and formulas" over HTTP on a real SQLite file, with Roslyn really compiling.</summary>
public sealed class FrameworksApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database);
        _admin = _silo.Client();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("walsall", 6, 11, 27)]
    [InlineData("cheshire-merseyside", 4, 36, 81)]
    [InlineData("knowsley", 1, 6, 29)]
    [InlineData("thurrock", 5, 13, 27)]
    public async Task Every_shipped_framework_is_served_with_its_themes_outcomes_and_measures(string id, int themes, int outcomes, int measures)
    {
        var framework = await GetJsonAsync($"/api/frameworks/{id}");

        var themeList = framework.GetProperty("themes").EnumerateArray().ToList();
        var outcomeList = themeList.SelectMany(t => t.GetProperty("outcomes").EnumerateArray()).ToList();
        var measureList = outcomeList.SelectMany(o => o.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Equal((themes, outcomes, measures), (themeList.Count, outcomeList.Count, measureList.Count));
        Assert.All(measureList, m => Assert.Equal(1, m.GetProperty("formulaVersion").GetInt32()));
        Assert.True(framework.GetProperty("readOnly").GetBoolean());
        Assert.Empty(framework.GetProperty("proxyValues").EnumerateObject());
    }

    [Fact]
    public async Task The_index_lists_the_four_templates_then_copies()
    {
        await CopyAsync("thurrock", "my-thurrock");

        var list = await GetJsonAsync("/api/frameworks");

        Assert.Equal(["walsall", "cheshire-merseyside", "knowsley", "thurrock", "my-thurrock"],
            list.EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_shipped_template_is_read_only_and_its_copy_is_editable()
    {
        var onTemplate = await _admin.PostAsJsonAsync("/api/frameworks/knowsley/measures/m13/formula", new { source = "Quantity * 2" });
        await onTemplate.AssertProblemAsync(HttpStatusCode.Conflict);

        await CopyAsync("knowsley", "knowsley-copy");
        var onCopy = await _admin.PostAsJsonAsync("/api/frameworks/knowsley-copy/measures/m13/formula", new { source = "Quantity * 2" });

        Assert.Equal(2, (await onCopy.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("version").GetInt32());
        var template = await GetJsonAsync("/api/frameworks/knowsley/measures/m13");
        Assert.Equal(1, template.GetProperty("formula").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Formulas_for_each_kind_of_measure_compute_the_right_values()
    {
        await CopyAsync("walsall", "kinds");
        await SetProxyAsync("kinds", "JOB", 12_000m, "2020-01-01");
        await AddMeasureAsync("kinds", "count", "Quantity");
        await AddMeasureAsync("kinds", "pounds", "Quantity * Proxy(\"JOB\")");
        await AddMeasureAsync("kinds", "share", "Quantity / Input(\"totalSpend\") * 100");
        await AddMeasureAsync("kinds", "yoy", "(Quantity - Input(\"previousYear\")) / Input(\"previousYear\") * 100");
        await AddMeasureAsync("kinds", "against-target", "var share = Quantity / Input(\"totalSpend\");\nreturn Math.Round(share / 0.3 * 100, 1);");

        Assert.Equal(7m, await EvaluateAsync("kinds", "count", new { quantity = 7 }));
        Assert.Equal(84_000m, await EvaluateAsync("kinds", "pounds", new { quantity = 7 }));
        Assert.Equal(25m, await EvaluateAsync("kinds", "share", new { quantity = 250_000, inputs = new { totalSpend = 1_000_000 } }));
        Assert.Equal(-10m, await EvaluateAsync("kinds", "yoy", new { quantity = 90, inputs = new { previousYear = 100 } }));
        Assert.Equal(83.3m, await EvaluateAsync("kinds", "against-target", new { quantity = 250_000, inputs = new { totalSpend = 1_000_000 } }));
        Assert.Equal(25m, await EvaluateAsync("kinds", "economic-growth-m1", new { quantity = 25, inputs = new { totalRevenueSpend = 100 } }));
    }

    [Fact]
    public async Task Version_two_does_not_change_values_recorded_with_version_one_and_version_one_can_still_be_evaluated()
    {
        await CopyAsync("walsall", "versions");
        await AddMeasureAsync("versions", "jobs", "Quantity");
        var before = await EvaluateFullAsync("versions", "jobs", new { quantity = 10 });

        var published = await _admin.PostAsJsonAsync("/api/frameworks/versions/measures/jobs/formula", new { source = "Quantity * 3" });
        await published.AssertJsonAsync(HttpStatusCode.Created);

        var after = await EvaluateFullAsync("versions", "jobs", new { quantity = 10 });
        var old = await EvaluateFullAsync("versions", "jobs", new { quantity = 10, version = 1 });
        Assert.Equal((10m, 1), (before.GetProperty("value").GetDecimal(), before.GetProperty("version").GetInt32()));
        Assert.Equal((30m, 2), (after.GetProperty("value").GetDecimal(), after.GetProperty("version").GetInt32()));
        Assert.Equal((10m, 1), (old.GetProperty("value").GetDecimal(), old.GetProperty("version").GetInt32()));
        var versions = await GetJsonAsync("/api/frameworks/versions/measures/jobs/formula/versions");
        Assert.Equal(["Quantity", "Quantity * 3"], versions.EnumerateArray().Select(v => v.GetProperty("source").GetString()));
        Assert.All(versions.EnumerateArray(), v => Assert.Contains("bootstrap administrator", v.GetProperty("author").GetString()));
        await (await _admin.PostAsJsonAsync("/api/frameworks/versions/measures/jobs/evaluate", new { quantity = 1, version = 3 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Proxy_values_apply_by_effective_date_and_earlier_ones_are_kept()
    {
        await CopyAsync("walsall", "proxies");
        await AddMeasureAsync("proxies", "volunteer-hours", "Quantity * Proxy(\"VOL\")");
        await SetProxyAsync("proxies", "VOL", 10m, "2024-04-01");
        var history = await SetProxyAsync("proxies", "VOL", 15m, "2025-04-01");

        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal(100m, await EvaluateAsync("proxies", "volunteer-hours", new { quantity = 10, at = "2024-12-31" }));
        Assert.Equal(150m, await EvaluateAsync("proxies", "volunteer-hours", new { quantity = 10, at = "2025-04-01" }));
        await (await _admin.PostAsJsonAsync("/api/frameworks/proxies/measures/volunteer-hours/evaluate", new { quantity = 10, at = "2023-01-01" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var framework = await GetJsonAsync("/api/frameworks/proxies");
        Assert.Equal(15m, framework.GetProperty("proxyValues").GetProperty("VOL").GetDecimal());
    }

    [Fact]
    public async Task A_rejected_formula_is_422_with_diagnostics_at_line_and_column()
    {
        await CopyAsync("walsall", "broken");

        var response = await _admin.PostAsJsonAsync("/api/frameworks/broken/measures/economic-growth-m2/formula",
            new { source = "var x = Quantity;\nreturn x * Undefined;" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var diagnostic = problem.GetProperty("diagnostics").EnumerateArray().First();
        Assert.Equal((2, 12), (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
        Assert.Equal(1, (await GetJsonAsync("/api/frameworks/broken/measures/economic-growth-m2")).GetProperty("formula").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_draft_formula_can_be_tried_on_sample_inputs_without_being_published()
    {
        await CopyAsync("walsall", "drafts");
        await SetProxyAsync("drafts", "JOB", 1_000m, "2020-01-01");

        var tried = await (await _admin.PostAsJsonAsync("/api/frameworks/drafts/measures/economic-growth-m2/formula/try",
            new { source = "Quantity * Proxy(\"JOB\") * 2", quantity = 3 })).AssertJsonAsync(HttpStatusCode.OK);
        var broken = await (await _admin.PostAsJsonAsync("/api/frameworks/drafts/measures/economic-growth-m2/formula/try",
            new { source = "Quantity *", quantity = 3 })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal((6_000m, 0), (tried.GetProperty("value").GetDecimal(), tried.GetProperty("version").GetInt32()));
        Assert.NotEmpty(broken.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(1, (await GetJsonAsync("/api/frameworks/drafts/measures/economic-growth-m2/formula/versions")).GetArrayLength());
    }

    [Fact]
    public async Task Division_by_zero_is_422_not_500()
    {
        var response = await _admin.PostAsJsonAsync("/api/frameworks/walsall/measures/economic-growth-m1/formula/try",
            new { source = "Quantity / Input(\"totalRevenueSpend\") * 100", quantity = 5, inputs = new { totalRevenueSpend = 0 } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("divides by zero", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Hostile_formulas_are_rejected_and_the_service_still_answers()
    {
        string[] hostile =
        [
            "while (true) { } return 0;",
            "return System.IO.File.ReadAllText(\"/etc/passwd\").Length;",
            "System.Diagnostics.Process.Start(\"sh\"); return 0;",
            "return (decimal)System.Environment.ProcessorCount;",
            "return Type.GetType(\"System.IO.File\") == null ? 0 : 1;",
            "dynamic d = 1; return d;",
            "#r \"System.IO.dll\"\nreturn 0;",
            "return global::System.IO.Directory.GetFiles(\"/\").Length;",
            new string('(', 5000) + "1" + new string(')', 5000),
            "return decimal.MaxValue * 2;",
        ];

        foreach (var source in hostile)
        {
            var check = await (await _admin.PostAsJsonAsync("/api/formulas/check", new { source })).AssertJsonAsync(HttpStatusCode.OK);
            Assert.False(check.GetProperty("ok").GetBoolean(), source);
            Assert.NotEmpty(check.GetProperty("diagnostics").EnumerateArray());
        }

        Assert.Equal(HttpStatusCode.OK, (await _silo.Client(null).GetAsync("/health")).StatusCode);
        var ok = await (await _admin.PostAsJsonAsync("/api/formulas/check", new { source = "Quantity * 2" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(ok.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Only_an_admin_changes_frameworks_and_formulas()
    {
        await _admin.PostAsJsonAsync("/api/organisations", new { id = "council", name = "Council", type = "LocalAuthority", place = "Walsall" });
        var key = await (await _admin.PostAsJsonAsync("/api/keys", new { name = "officer", role = "Officer", organisationId = "council" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var officer = _silo.Client(key.GetProperty("key").GetString());

        await (await officer.PostAsJsonAsync("/api/frameworks", new { name = "Mine", copyFrom = "walsall" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsJsonAsync("/api/frameworks/walsall/measures/economic-growth-m2/formula", new { source = "1" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PutAsJsonAsync("/api/frameworks/walsall/proxy-values/X", new { value = 1, effectiveFrom = "2025-01-01" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/frameworks/walsall")).StatusCode);
    }

    [Fact]
    public async Task An_organisation_adopts_an_existing_framework_only()
    {
        await _admin.PostAsJsonAsync("/api/organisations", new { id = "thurrock-council", name = "Thurrock Council", type = "LocalAuthority", place = "Thurrock" });

        var adopted = await _admin.PutAsJsonAsync("/api/organisations/thurrock-council/framework", new { frameworkId = "thurrock" });
        var unknown = await _admin.PutAsJsonAsync("/api/organisations/thurrock-council/framework", new { frameworkId = "atlantis" });

        Assert.Equal("thurrock", (await adopted.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("frameworkId").GetString());
        await unknown.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("/api/frameworks/atlantis")]
    [InlineData("/api/frameworks/walsall/measures/no-such-measure")]
    [InlineData("/api/frameworks/Not_A_Slug")]
    public async Task Unknown_frameworks_and_measures_are_404(string path)
    {
        await (await _admin.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task CopyAsync(string source, string id) =>
        await (await _admin.PostAsJsonAsync("/api/frameworks", new { id, name = $"Copy of {source}", copyFrom = source }))
            .AssertJsonAsync(HttpStatusCode.Created);

    private async Task AddMeasureAsync(string framework, string id, string formula) =>
        await (await _admin.PostAsJsonAsync($"/api/frameworks/{framework}/measures",
                new { id, themeId = "economic-growth", outcomeId = "economic-growth-o1", title = id, unit = "number", formula }))
            .AssertJsonAsync(HttpStatusCode.Created);

    private async Task<JsonElement> SetProxyAsync(string framework, string code, decimal value, string effectiveFrom) =>
        await (await _admin.PutAsJsonAsync($"/api/frameworks/{framework}/proxy-values/{code}", new { value, effectiveFrom }))
            .AssertJsonAsync(HttpStatusCode.OK);

    private async Task<decimal> EvaluateAsync(string framework, string measure, object body) =>
        (await EvaluateFullAsync(framework, measure, body)).GetProperty("value").GetDecimal();

    private async Task<JsonElement> EvaluateFullAsync(string framework, string measure, object body) =>
        await (await _admin.PostAsJsonAsync($"/api/frameworks/{framework}/measures/{measure}/evaluate", body)).AssertJsonAsync(HttpStatusCode.OK);

    private async Task<JsonElement> GetJsonAsync(string path) => await (await _admin.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);
}
