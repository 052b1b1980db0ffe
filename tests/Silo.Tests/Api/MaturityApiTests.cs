using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Infrastructure;
using SocialValue.Silo.Tests.OpenApi;

namespace SocialValue.Silo.Tests.Api;

/// <summary>API.md "Organisations and maturity" over HTTP on real databases: the Social Value Maturity Index of seed 001.</summary>
public sealed class MaturityApiTests
{
    private const string Walsall = "/api/organisations/walsall/maturity";

    // Seed 001, as printed: the lowest level in its seed label.
    internal static readonly object WalsallAssessment = new
    {
        dimensions = new object[]
        {
            new { code = "A", present = "Mature", target = "Leader" },
            new { code = "B", present = "Mature", target = "Leader" },
            new { code = "C", present = "Follower", target = "Mature" },
            new { code = "D", present = "Follower", target = "Leader" },
            new { code = "E", present = "Mature", target = "Leader" },
            new { code = "F", present = "Follower", target = "Mature" },
            new { code = "G", present = "Follower", target = "Mature" },
            new { code = "H", present = "Incomplete/Non Compliant", target = "Mature" },
            new { code = "I", present = "Follower", target = "Mature" },
            new { code = "J", present = "Follower", target = "Leader" },
        },
    };

    private static readonly string[] Levels = ["Incomplete", "Follower", "Mature", "Leader", "Innovator"];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Walsall_assessment_gives_Follower_and_Mature_and_plans_exactly_the_catalogue_actions_between(string provider)
    {
        await using var env = await Env.StartAsync(provider);

        var maturity = await env.AssessWalsallAsync();

        Assert.Equal(("Follower", "Mature"), Overall(maturity));
        Assert.False(maturity.GetProperty("reviewDue").GetBoolean());
        var model = await env.Admin.GetAsync("/api/maturity/model").AssertJsonAsync(HttpStatusCode.OK);
        var present = Dimensions(maturity).ToDictionary(d => d.GetProperty("code").GetString()!, d => Level(d, "present"));
        var target = Dimensions(maturity).ToDictionary(d => d.GetProperty("code").GetString()!, d => Level(d, "target"));
        var expected = model.GetProperty("dimensions").EnumerateArray()
            .SelectMany(d => d.GetProperty("actions").EnumerateArray().Select(a => (Code: d.GetProperty("code").GetString()!, Id: a.GetProperty("id").GetString()!, Level: Level(a, "level"))))
            .Where(a => a.Level > present[a.Code] && a.Level <= target[a.Code])
            .Select(a => a.Id);
        Assert.Equal(expected, PlanIds(maturity));
        Assert.Equal(18, PlanIds(maturity).Count);
        Assert.All(Dimensions(maturity).SelectMany(d => d.GetProperty("actions").EnumerateArray()),
            a => Assert.Equal("NotStarted", a.GetProperty("status").GetString()));

        // Advance is blocked until both actions to reach Mature are done, then moves one level and regenerates the plan.
        await env.PatchAsync($"{Walsall}/actions/d-leader-1", new { owner = "Head of Commissioning" }).AssertJsonAsync(HttpStatusCode.OK);
        var blocked = await env.FireAsync("D", new { trigger = "Advance" }).AssertProblemAsync(HttpStatusCode.Conflict);
        var reason = Assert.Single(blocked.GetProperty("reasons").EnumerateArray()).GetString();
        Assert.Equal("2 actions to reach Mature in dimension D not done yet: d-mature-1, d-mature-2", reason);

        await env.PatchAsync($"{Walsall}/actions/d-mature-1", new { status = "Done" }).AssertJsonAsync(HttpStatusCode.OK);
        var stillBlocked = await env.Admin.GetAsync($"{Walsall}/dimensions/D/transitions").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains("1 action to reach Mature in dimension D not done yet: d-mature-2",
            stillBlocked.GetProperty("blocked").EnumerateArray().Single(b => b.GetProperty("trigger").GetString() == "Advance")
                .GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        await env.PatchAsync($"{Walsall}/actions/d-mature-2", new { status = "Done" }).AssertJsonAsync(HttpStatusCode.OK);
        var permitted = await env.Admin.GetAsync($"{Walsall}/dimensions/D/transitions").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(permitted.GetProperty("permitted").EnumerateArray(),
            p => p.GetProperty("trigger").GetString() == "Advance" && p.GetProperty("to").GetString() == "Mature");

        var advanced = await env.FireAsync("D", new { trigger = "Advance", reason = "both done" }).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(("Mature", "Mature", "Leader"),
            (advanced.GetProperty("state").GetString(), advanced.GetProperty("present").GetString(), advanced.GetProperty("target").GetString()));
        var plan = advanced.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["d-leader-1", "d-leader-2", "d-leader-3", "d-leader-4"], plan.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("Head of Commissioning", plan[0].GetProperty("owner").GetString());
        var history = advanced.GetProperty("history").EnumerateArray().Select(h =>
            (h.GetProperty("trigger").GetString(), h.GetProperty("from").GetString(), h.GetProperty("to").GetString())).ToList();
        Assert.Equal([("Assess", "Follower", "Follower"), ("Advance", "Follower", "Mature")], history);
        Assert.Equal(16, PlanIds(await env.GetJsonAsync(Walsall)).Count);
    }

    [Fact]
    public async Task Advance_stops_at_the_target_and_Reassess_moves_to_any_level_with_a_reason()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.AssessWalsallAsync();

        var atTarget = await env.Admin.GetAsync($"{Walsall}/dimensions/e/transitions").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(atTarget.GetProperty("permitted").EnumerateArray(), p => p.GetProperty("trigger").GetString() == "Advance");
        await env.FireAsync("E", new { trigger = "Advance" }).AssertJsonAsync(HttpStatusCode.OK);
        var refused = await env.FireAsync("E", new { trigger = "Advance" }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Leader is the target of dimension E; raise the target to plan the actions to reach Innovator",
            Assert.Single(refused.GetProperty("reasons").EnumerateArray()).GetString());

        await env.FireAsync("H", new { trigger = "Reassess", level = "Leader" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await env.FireAsync("H", new { trigger = "Reassess", level = "Expert", reason = "typo" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var reassessed = await env.FireAsync("H", new { trigger = "Reassess", level = "Leader", reason = "joint commissioning with the NHS since April" })
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(("Leader", "Leader"), (reassessed.GetProperty("present").GetString(), reassessed.GetProperty("target").GetString()));
        Assert.Empty(reassessed.GetProperty("actions").EnumerateArray());
        var last = reassessed.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("Reassess", "Incomplete", "Leader", "joint commissioning with the NHS since April"),
            (last.GetProperty("trigger").GetString(), last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("reason").GetString()));
        Assert.Contains("bootstrap administrator", last.GetProperty("actor").GetString());

        var innovator = await env.FireAsync("A", new { trigger = "Reassess", level = "Innovator", reason = "national award" }).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Innovator", innovator.GetProperty("state").GetString());
        await env.FireAsync("A", new { trigger = "Advance" }).AssertProblemAsync(HttpStatusCode.Conflict);
        await env.FireAsync("A", new { trigger = "Promote" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var diagram = await env.Admin.GetStringAsync($"{Walsall}/dimensions/A/workflow");
        Assert.Contains("Follower --> Mature : Advance", diagram);
        Assert.Contains("Innovator --> Incomplete : Reassess", diagram);
    }

    [Fact]
    public async Task A_replaced_overall_formula_changes_the_overall_result_and_a_hostile_one_is_rejected()
    {
        await using var env = await Env.StartAsync("Sqlite");
        var before = await env.AssessWalsallAsync();
        var etagBefore = await env.ETagOfAsync(Walsall);
        Assert.Equal(1, before.GetProperty("overall").GetProperty("formulaVersion").GetInt32());

        var hostile = await env.Admin.PutAsJsonAsync("/api/maturity/overall-formula", new { source = "return System.IO.File.ReadAllText(\"/etc/passwd\").Length;" })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(hostile.GetProperty("diagnostics").EnumerateArray());
        await env.Admin.PutAsJsonAsync("/api/maturity/overall-formula", new { source = "while (true) { } return 1;" })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var notALevel = await env.Admin.PutAsJsonAsync("/api/maturity/overall-formula", new { source = "Sum(\"levels\")" })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not a level", notALevel.GetProperty("errors").GetProperty("source")[0].GetString());
        var officer = env.Silo.Client(await env.KeyAsync("Officer", "walsall"));
        await officer.PutAsJsonAsync("/api/maturity/overall-formula", new { source = "Max(\"levels\")" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(("Follower", "Mature"), Overall(await env.GetJsonAsync(Walsall)));

        var published = await env.Admin.PutAsJsonAsync("/api/maturity/overall-formula", new { source = "Max(\"levels\")" }).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, published.GetProperty("version").GetInt32());
        var after = await env.GetJsonAsync(Walsall);
        Assert.Equal(("Mature", "Leader"), Overall(after));
        Assert.Equal(2, after.GetProperty("overall").GetProperty("formulaVersion").GetInt32());
        Assert.NotEqual(etagBefore, env.LastETag);
        var versions = await env.GetJsonAsync("/api/maturity/overall-formula/versions");
        Assert.Equal(["LowerMedian(\"levels\")", "Max(\"levels\")"], versions.EnumerateArray().Select(v => v.GetProperty("source").GetString()));

        // Dimensions can be weighed by code: Cross Sector Collaboration alone decides here.
        await env.Admin.PutAsJsonAsync("/api/maturity/overall-formula", new { source = "Input(\"H\")" }).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Incomplete", "Mature"), Overall(await env.GetJsonAsync(Walsall)));
    }

    [Fact]
    public async Task Bad_input_is_a_clear_4xx()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.Admin.GetAsync(Walsall).AssertProblemAsync(HttpStatusCode.NotFound);
        await env.PutAsync("/api/organisations/nowhere/maturity", WalsallAssessment).AssertProblemAsync(HttpStatusCode.NotFound);

        var unknownCode = await env.PutAsync(Walsall, Assessment(("K", "Follower", "Mature"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'K' is not a maturity dimension", unknownCode.GetProperty("errors").GetProperty("dimensions[9].code")[0].GetString());
        var unknownLevel = await env.PutAsync(Walsall, Assessment(("J", "Expert", "Leader"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'Expert' is not a maturity level", unknownLevel.GetProperty("errors").GetProperty("dimensions[9].present")[0].GetString());
        var below = await env.PutAsync(Walsall, Assessment(("J", "Leader", "Follower"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("below its present level", below.GetProperty("errors").GetProperty("dimensions[9].target")[0].GetString());
        var missing = await env.PutAsync(Walsall, new { dimensions = new[] { new { code = "A", present = "Mature", target = "Leader" } } })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("missing: B, C, D, E, F, G, H, I, J", missing.GetProperty("errors").GetProperty("dimensions")[0].GetString());
        await env.PutAsync(Walsall, new { }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await env.AssessWalsallAsync();
        await env.PatchAsync($"{Walsall}/actions/z-leader-9", new { status = "Done" }).AssertProblemAsync(HttpStatusCode.NotFound);
        var notPlanned = await env.PatchAsync($"{Walsall}/actions/a-innovator-1", new { status = "Done" }).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("not in the plan", notPlanned.GetProperty("detail").GetString());
        await env.PatchAsync($"{Walsall}/actions/a-leader-1", new { status = "Finished" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await env.PatchAsync($"{Walsall}/actions/a-leader-1", new { evidence = new[] { "javascript:alert(1)" } }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await env.FireAsync("K", new { trigger = "Advance" }).AssertProblemAsync(HttpStatusCode.NotFound);
        await env.Admin.GetAsync($"{Walsall}/dimensions/K").AssertProblemAsync(HttpStatusCode.NotFound);
        await env.Admin.GetAsync($"{Walsall}/action-plan?format=pdf").AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Actions_are_tracked_and_reassessment_keeps_the_tracking_of_actions_that_remain()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.AssessWalsallAsync();

        var tracked = await env.PatchAsync($"{Walsall}/actions/j-leader-1",
            new { status = "InProgress", owner = "Monitoring Officer", dueDate = "2026-03-31", notes = "Toolkit drafted", evidence = new[] { "https://example.org/toolkit" } })
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("InProgress", "Monitoring Officer", "2026-03-31", "Toolkit drafted"),
            (tracked.GetProperty("status").GetString(), tracked.GetProperty("owner").GetString(), tracked.GetProperty("dueDate").GetString(), tracked.GetProperty("notes").GetString()));
        await env.PatchAsync($"{Walsall}/actions/j-mature-1", new { status = "Done" }).AssertJsonAsync(HttpStatusCode.OK);

        // J moves up to Mature by assessment: its Mature action leaves the plan, its Leader action keeps its tracking.
        var reassessed = await env.PutAsync(Walsall, Assessment(("J", "Mature", "Leader"))).AssertJsonAsync(HttpStatusCode.OK);

        var j = Dimensions(reassessed).Single(d => d.GetProperty("code").GetString() == "J");
        var action = Assert.Single(j.GetProperty("actions").EnumerateArray());
        Assert.Equal(("j-leader-1", "InProgress", "Monitoring Officer"),
            (action.GetProperty("id").GetString(), action.GetProperty("status").GetString(), action.GetProperty("owner").GetString()));
        Assert.Equal("https://example.org/toolkit", action.GetProperty("evidence")[0].GetString());
        Assert.Equal(("Assess", "Follower", "Mature"),
            (j.GetProperty("history")[1].GetProperty("trigger").GetString(), j.GetProperty("history")[1].GetProperty("from").GetString(), j.GetProperty("history")[1].GetProperty("to").GetString()));

        var cleared = await env.PatchAsync($"{Walsall}/actions/j-leader-1", new { owner = "" }).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("owner").ValueKind);
        Assert.Equal("Toolkit drafted", cleared.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A_dimensions_history_answers_the_names_its_declared_enums_list()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.AssessWalsallAsync();
        await env.FireAsync("H", new { trigger = "Reassess", level = "Follower", reason = "a social value policy adopted in May" }).AssertJsonAsync(HttpStatusCode.OK);
        await env.PutAsync(Walsall, Assessment(("H", "Mature", "Leader"))).AssertJsonAsync(HttpStatusCode.OK);

        var dimension = await env.GetJsonAsync($"{Walsall}/dimensions/H");
        using var document = JsonDocument.Parse(await env.Admin.GetStringAsync("/openapi/v1.json"));

        Assert.Equal(["Assess Incomplete Incomplete", "Reassess Incomplete Follower", "Assess Follower Mature"], HistorySchema.Steps(dimension));
        Assert.False(dimension.TryGetProperty("unrecognisedHistory", out _));
        Assert.Equal(["Advance", "Reassess", "Assess"], HistorySchema.Enum(document.RootElement, "DimensionResponse", "trigger"));
        Assert.Equal(Levels, HistorySchema.Enum(document.RootElement, "DimensionResponse", "from"));
        Assert.Equal(Levels, HistorySchema.Enum(document.RootElement, "DimensionResponse", "to"));
    }

    [Fact]
    public async Task Gets_carry_an_ETag_and_writes_with_a_stale_If_Match_are_412()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.AssessWalsallAsync();
        var etag = await env.ETagOfAsync(Walsall);
        Assert.Equal(etag, await env.ETagOfAsync($"{Walsall}/action-plan"));
        Assert.Equal(etag, await env.ETagOfAsync($"{Walsall}/dimensions/C"));

        var patched = await env.SendAsync(HttpMethod.Patch, $"{Walsall}/actions/c-mature-1", new { status = "InProgress" }, etag);
        await patched.AssertJsonAsync(HttpStatusCode.OK);
        var current = patched.Headers.ETag!.Tag;
        Assert.NotEqual(etag, current);

        await env.SendAsync(HttpMethod.Patch, $"{Walsall}/actions/c-mature-1", new { status = "Done" }, etag).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await env.SendAsync(HttpMethod.Put, Walsall, WalsallAssessment, etag).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await env.SendAsync(HttpMethod.Post, $"{Walsall}/dimensions/E/transitions", new { trigger = "Advance" }, etag)
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await env.SendAsync(HttpMethod.Post, $"{Walsall}/dimensions/E/transitions", new { trigger = "Advance" }, current).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("InProgress", (await env.GetJsonAsync($"{Walsall}/dimensions/C")).GetProperty("actions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_officer_changes_its_own_organisation_and_a_viewer_only_reads_it()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.AssessWalsallAsync();
        await env.Admin.PostAsJsonAsync("/api/organisations", new { id = "knowsley", name = "Knowsley Council", type = "LocalAuthority", place = "Knowsley" })
            .AssertJsonAsync(HttpStatusCode.Created);
        var officer = env.Silo.Client(await env.KeyAsync("Officer", "walsall"));
        var otherOfficer = env.Silo.Client(await env.KeyAsync("Officer", "knowsley"));
        var viewer = env.Silo.Client(await env.KeyAsync("Viewer", "walsall"));
        var otherViewer = env.Silo.Client(await env.KeyAsync("Viewer", "knowsley"));

        await officer.PutAsJsonAsync(Walsall, WalsallAssessment).AssertJsonAsync(HttpStatusCode.OK);
        await officer.PatchAsJsonAsync($"{Walsall}/actions/c-mature-1", new { status = "Done" }).AssertJsonAsync(HttpStatusCode.OK);
        await officer.PostAsJsonAsync($"{Walsall}/dimensions/E/transitions", new { trigger = "Advance" }).AssertJsonAsync(HttpStatusCode.OK);
        await otherOfficer.PatchAsJsonAsync($"{Walsall}/actions/c-mature-2", new { status = "Done" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherOfficer.GetAsync(Walsall).AssertProblemAsync(HttpStatusCode.Forbidden);

        await viewer.GetAsync(Walsall).AssertJsonAsync(HttpStatusCode.OK);
        await viewer.GetAsync($"{Walsall}/dimensions/C/transitions").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Walsall}/action-plan?format=csv")).StatusCode);
        await viewer.PatchAsJsonAsync($"{Walsall}/actions/c-mature-2", new { status = "Done" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await viewer.PutAsJsonAsync(Walsall, WalsallAssessment).AssertProblemAsync(HttpStatusCode.Forbidden);
        await viewer.PostAsJsonAsync($"{Walsall}/dimensions/C/transitions", new { trigger = "Advance" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await otherViewer.GetAsync($"{Walsall}/action-plan").AssertProblemAsync(HttpStatusCode.Forbidden);
        await env.Silo.Client(key: null).GetAsync(Walsall).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_action_plan_prints_the_seed_page_on_A4_as_self_contained_HTML()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.AssessWalsallAsync();
        await env.PatchAsync($"{Walsall}/actions/c-mature-1", new { status = "Done", owner = "<script>alert(1)</script>" }).AssertJsonAsync(HttpStatusCode.OK);

        var response = await env.Admin.GetAsync($"{Walsall}/action-plan");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@page { size: A4", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("url(", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<dt>Organisation</dt><dd>Walsall Council</dd>", html);
        Assert.Contains("<dt>Present Performance</dt><dd>Follower</dd>", html);
        Assert.Contains("<dt>Future Target</dt><dd>Mature</dd>", html);
        Assert.Contains("<tr><td>H</td><td>Cross Sector Collaboration</td><td>Incomplete/Non Compliant</td><td>Mature</td></tr>", html);
        Assert.Contains("<tr><td>A</td><td>Policy &amp; Scope</td><td>Mature</td><td>Leader</td></tr>", html);
        Assert.Contains("To reach 'Leader'", html);
        var maturity = await env.GetJsonAsync(Walsall);
        var positions = PlanTexts(maturity).Select(text => html.IndexOf(System.Net.WebUtility.HtmlEncode(text), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > html.IndexOf("<h2>Actions</h2>", StringComparison.Ordinal)));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task The_action_plan_as_CSV_has_a_row_per_action_and_defuses_spreadsheet_formulas()
    {
        await using var env = await Env.StartAsync("Sqlite");
        await env.AssessWalsallAsync();
        await env.PatchAsync($"{Walsall}/actions/a-leader-1", new { owner = "=HYPERLINK(\"http://evil\")", notes = "line one\nline two" }).AssertJsonAsync(HttpStatusCode.OK);

        var response = await env.Admin.GetAsync($"{Walsall}/action-plan?format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("walsall-action-plan.csv", response.Content.Headers.ContentDisposition?.ToString());
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Dimension code,Dimension,Present,Future,Action id,Level,Action,Status,Owner,Due date,Notes,Evidence", rows[0]);
        // 18 planned actions, and a row for Procurement, whose levels between present and future have no catalogue actions.
        Assert.Equal(1 + 18 + 1, rows.Length);
        Assert.StartsWith("A,Policy & Scope,Mature,Leader,a-leader-1,Leader,Develop a strategy to tailor the required Social Value contribution to the size and scope of the contract.,NotStarted,\"'=HYPERLINK(\"\"http://evil\"\")\",,\"line one\nline two\",", rows[1]);
        Assert.Contains("E,Procurement,Mature,Leader,,,,,,,,", rows);
        Assert.Contains(rows, r => r.StartsWith("H,Cross Sector Collaboration,Incomplete,Mature,h-follower-1,Follower,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_annual_review_deadline_marks_the_index_due_and_a_new_assessment_clears_it()
    {
        await using var env = await Env.StartAsync("Sqlite", "--Maturity:ReviewAfter=00:00:02");
        var assessed = await env.AssessWalsallAsync();
        Assert.Equal(TimeSpan.FromSeconds(2),
            assessed.GetProperty("nextReviewAt").GetDateTimeOffset() - assessed.GetProperty("assessedAt").GetDateTimeOffset());
        Assert.False(assessed.GetProperty("reviewDue").GetBoolean());

        await Eventually.HoldsAsync(() => env.GetJsonAsync(Walsall), m => m.GetProperty("reviewDue").GetBoolean(),
            TimeSpan.FromSeconds(30), "the review deadline marks the index due");
        Assert.Contains("due for its annual reassessment", await env.Admin.GetStringAsync($"{Walsall}/action-plan"));

        var reassessed = await env.PutAsync(Walsall, WalsallAssessment).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(reassessed.GetProperty("reviewDue").GetBoolean());
    }

    [Fact]
    public async Task The_model_serves_the_seed_levels_dimensions_and_catalogue()
    {
        await using var env = await Env.StartAsync("Sqlite");

        var model = await env.GetJsonAsync("/api/maturity/model");

        Assert.Equal(Levels, model.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Incomplete/Non Compliant", model.GetProperty("labels").GetProperty("Incomplete").GetString());
        Assert.Equal("ABCDEFGHIJ", string.Concat(model.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("code").GetString())));
        Assert.Equal(34, model.GetProperty("dimensions").EnumerateArray().Sum(d => d.GetProperty("actions").GetArrayLength()));
        Assert.Equal("LowerMedian(\"levels\")", model.GetProperty("overallFormula").GetProperty("source").GetString());
    }

    private static object Assessment(params (string Code, string Present, string Target)[] overrides)
    {
        var dimensions = JsonSerializer.SerializeToElement(WalsallAssessment).GetProperty("dimensions").EnumerateArray()
            .Select(d => (Code: d.GetProperty("code").GetString()!, Present: d.GetProperty("present").GetString()!, Target: d.GetProperty("target").GetString()!))
            .ToList();
        foreach (var o in overrides)
        {
            var i = dimensions.FindIndex(d => d.Code == o.Code);
            dimensions[i < 0 ? dimensions.Count - 1 : i] = o;
        }
        return new { dimensions = dimensions.Select(d => new { code = d.Code, present = d.Present, target = d.Target }) };
    }

    private static (string?, string?) Overall(JsonElement maturity) =>
        (maturity.GetProperty("overall").GetProperty("present").GetString(), maturity.GetProperty("overall").GetProperty("target").GetString());

    private static IEnumerable<JsonElement> Dimensions(JsonElement maturity) => maturity.GetProperty("dimensions").EnumerateArray();

    private static int Level(JsonElement element, string property) => Array.IndexOf(Levels, element.GetProperty(property).GetString());

    private static List<string> PlanIds(JsonElement maturity) =>
        [.. Dimensions(maturity).SelectMany(d => d.GetProperty("actions").EnumerateArray()).Select(a => a.GetProperty("id").GetString()!)];

    private static List<string> PlanTexts(JsonElement maturity) =>
        [.. Dimensions(maturity).SelectMany(d => d.GetProperty("actions").EnumerateArray()).Select(a => a.GetProperty("text").GetString()!)];

    /// <summary>A Silo on a fresh database with Walsall Council registered, and the admin's client.</summary>
    private sealed class Env : IAsyncDisposable
    {
        private readonly TestDatabase _database;

        private Env(TestDatabase database, TestSilo silo)
        {
            _database = database;
            Silo = silo;
            Admin = silo.Client();
        }

        public TestSilo Silo { get; }

        public HttpClient Admin { get; }

        public string? LastETag { get; private set; }

        public static async Task<Env> StartAsync(string provider, params string[] settings)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var env = new Env(database, await TestSilo.StartAsync(database, settings));
            await env.Admin.PostAsJsonAsync("/api/organisations", new { id = "walsall", name = "Walsall Council", type = "LocalAuthority", place = "Walsall" })
                .AssertJsonAsync(HttpStatusCode.Created);
            return env;
        }

        public Task<JsonElement> AssessWalsallAsync() => PutAsync(Walsall, WalsallAssessment).AssertJsonAsync(HttpStatusCode.OK);

        public Task<HttpResponseMessage> PutAsync(string path, object body) => Admin.PutAsJsonAsync(path, body);

        public Task<HttpResponseMessage> PatchAsync(string path, object body) => Admin.PatchAsJsonAsync(path, body);

        public Task<HttpResponseMessage> FireAsync(string code, object body) => Admin.PostAsJsonAsync($"{Walsall}/dimensions/{code}/transitions", body);

        public async Task<JsonElement> GetJsonAsync(string path)
        {
            var response = await Admin.GetAsync(path);
            LastETag = response.Headers.ETag?.Tag;
            return await response.AssertJsonAsync(HttpStatusCode.OK);
        }

        public async Task<string> ETagOfAsync(string path)
        {
            var response = await Admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException($"GET {path} has no ETag");
        }

        public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string etag)
        {
            var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return Admin.SendAsync(request);
        }

        public async Task<string> KeyAsync(string role, string organisationId)
        {
            var key = await Admin.PostAsJsonAsync("/api/keys", new { name = $"{role} of {organisationId}", role, organisationId })
                .AssertJsonAsync(HttpStatusCode.Created);
            return key.GetProperty("key").GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            await Silo.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
