using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

/// <summary>API.md "Kite Mark" over HTTP on real databases: schemes, evidence, the award rule, expiry, the register.</summary>
public sealed class KiteMarkApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private KiteMarkParties _parties = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database);
        _parties = await KiteMarkParties.CreateAsync(_silo);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Award_waits_for_every_theme_then_every_must_do_then_the_holder_is_on_the_register(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(database);
        var p = await KiteMarkParties.CreateAsync(silo);
        await p.ApplyAndSubmitAsync("award-1");
        await p.AcceptAsync("award-1", "social-4", "economic-2", "environment-6");

        var threeThemes = await p.FireAsync(p.Champion, "award-1", new { trigger = "Award" }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["theme Innovation has no accepted evidence yet"], Reasons(threeThemes));

        await p.AcceptAsync("award-1", "innovation-1", "social-1");
        await p.RejectAsync("award-1", "social-4");
        var mustDoUnmet = await p.FireAsync(p.Champion, "award-1", new { trigger = "Award" }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["must-do 'Good mental health is promoted' (social-4) has no accepted evidence yet"], Reasons(mustDoUnmet));
        var blocked = await p.Champion.GetAsync("/api/kitemark/applications/award-1/transitions").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(blocked.GetProperty("blocked").EnumerateArray(), b => b.GetProperty("trigger").GetString() == "Award");

        await p.AcceptAsync("award-1", "social-4");
        var awarded = await p.FireAsync(p.Champion, "award-1", new { trigger = "Award" }).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Awarded", awarded.GetProperty("state").GetString());
        var awardedOn = awarded.GetProperty("awardedOn").GetDateTimeOffset();
        Assert.Equal(awardedOn.AddYears(5), awarded.GetProperty("validUntil").GetDateTimeOffset());
        Assert.All(awarded.GetProperty("coverage").EnumerateArray(), t => Assert.True(t.GetProperty("covered").GetBoolean()));
        Assert.All(awarded.GetProperty("mustDos").EnumerateArray(), m => Assert.True(m.GetProperty("met").GetBoolean()));
        Assert.Equal(["Submit", "StartReview", "Award"], awarded.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()));
        var holder = Assert.Single((await p.RegisterAsync()).EnumerateArray());
        Assert.Equal(("alder-hey", "Alder Hey Children's NHS Foundation Trust", "award-1"),
            (holder.GetProperty("organisationId").GetString(), holder.GetProperty("organisationName").GetString(), holder.GetProperty("applicationId").GetString()));
        Assert.Equal(awardedOn, holder.GetProperty("awardedOn").GetDateTimeOffset());
        Assert.Equal(awardedOn.AddYears(5), holder.GetProperty("validUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_admins_scheme_that_names_no_awarding_body_is_open_to_every_awarding_body()
    {
        var open = await _parties.Admin.PutAsJsonAsync("/api/kitemark/schemes/open-to-all",
            new { name = "Open to all", copyFrom = "cheshire-merseyside", validity = "P3Y" }).AssertJsonAsync(HttpStatusCode.OK);
        var championWithout = await _parties.Champion.PutAsJsonAsync("/api/kitemark/schemes/champions-own",
            new { name = "Champion's own", copyFrom = "cheshire-merseyside", validity = "P3Y" }).AssertJsonAsync(HttpStatusCode.OK);

        await _parties.ApplyAsync("open-1", "open-to-all");

        Assert.Equal(JsonValueKind.Null, open.GetProperty("awardingBodyId").ValueKind);
        Assert.False(string.IsNullOrEmpty(championWithout.GetProperty("awardingBodyId").GetString()));
        Assert.Equal("open-to-all", (await _parties.GetAsync("open-1")).GetProperty("schemeId").GetString());
    }

    [Fact]
    public async Task An_award_under_a_five_second_scheme_expires_by_itself_and_leaves_the_register()
    {
        await _parties.DefineFiveSecondSchemeAsync();
        await _parties.AwardAsync("brief-1", "five-seconds");
        Assert.Single((await _parties.RegisterAsync()).EnumerateArray());

        var expired = await Eventually.HoldsAsync(() => _parties.GetAsync("brief-1"), a => a.GetProperty("state").GetString() == "Expired",
            TimeSpan.FromSeconds(30), "the award did not expire");

        Assert.Empty((await _parties.RegisterAsync()).EnumerateArray());
        var expiry = expired.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("Expire", "scheduler"), (expiry.GetProperty("trigger").GetString(), expiry.GetProperty("actor").GetString()));
        // A job may run up to Deadlines.Tolerance early by the grain's clock and still count as due (clocks of two
        // machines differ a little, and Hangfire's SQLite storage keeps a job's time to the second).
        Assert.True(expiry.GetProperty("at").GetDateTimeOffset()
            >= expired.GetProperty("validUntil").GetDateTimeOffset() - SocialValue.Scheduling.Deadlines.Tolerance);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_award_that_falls_due_while_every_silo_is_stopped_expires_after_the_restart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        DateTimeOffset validUntil;
        await using (var silo = await TestSilo.StartAsync(database))
        {
            var p = await KiteMarkParties.CreateAsync(silo);
            await p.DefineFiveSecondSchemeAsync();
            await p.AwardAsync("restart-1", "five-seconds");
            var awarded = await silo.Client().GetAsync("/api/kitemark/applications/restart-1").AssertJsonAsync(HttpStatusCode.OK);
            validUntil = awarded.GetProperty("validUntil").GetDateTimeOffset();
        }

        // Hangfire's delayed job runs by the wall clock: let the validity end while no Silo runs.
        var remaining = validUntil - DateTimeOffset.UtcNow;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining + TimeSpan.FromSeconds(1));
        }

        await using var restarted = await TestSilo.StartAsync(database);
        var admin = restarted.Client();
        var expired = await Eventually.HoldsAsync(
            async () => await admin.GetAsync("/api/kitemark/applications/restart-1").AssertJsonAsync(HttpStatusCode.OK),
            a => a.GetProperty("state").GetString() == "Expired", TimeSpan.FromSeconds(40), "the award did not expire after the restart");

        Assert.Equal("Expire", expired.GetProperty("history").EnumerateArray().Last().GetProperty("trigger").GetString());
        Assert.Empty((await restarted.Client(null).GetAsync("/api/kitemark/register").AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Revoke_removes_the_holder_from_the_register_and_the_organisation_may_apply_again()
    {
        await _parties.AwardAsync("revoke-1");
        var reapplyWhileHeld = await _parties.Officer.PostJsonAsync("/api/kitemark/applications",
            new { id = "revoke-2", organisationId = "alder-hey", awardingBodyId = "wirral-council", consentToPublish = true });
        Assert.Equal(HttpStatusCode.Created, reapplyWhileHeld.StatusCode);
        await _parties.FireAsync(_parties.Officer, "revoke-2", new { trigger = "Withdraw" }).AssertJsonAsync(HttpStatusCode.OK);

        await _parties.FireAsync(_parties.Champion, "revoke-1", new { trigger = "Revoke" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var revoked = await _parties.FireAsync(_parties.Champion, "revoke-1",
            new { trigger = "Revoke", reason = "no longer able to evidence the Environment theme" }).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Revoked", revoked.GetProperty("state").GetString());
        Assert.Equal("no longer able to evidence the Environment theme", revoked.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
        Assert.Empty((await _parties.RegisterAsync()).EnumerateArray());

        await _parties.AwardAsync("revoke-3");
        Assert.Equal("revoke-3", Assert.Single((await _parties.RegisterAsync()).EnumerateArray()).GetProperty("applicationId").GetString());
    }

    [Fact]
    public async Task A_second_open_application_to_the_same_body_is_409()
    {
        await _parties.ApplyAsync("open-1");

        var second = await _parties.Officer.PostJsonAsync("/api/kitemark/applications",
            new { id = "open-2", organisationId = "alder-hey", awardingBodyId = "wirral-council", consentToPublish = true });

        await second.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_champion_of_another_awarding_body_cannot_review_and_an_officer_cannot_award()
    {
        await _parties.ApplyAndSubmitAsync("perm-1");
        var evidenceId = await _parties.AddEvidenceAsync("perm-1", "social-1");

        await _parties.OtherChampion.PutAsJsonAsync($"/api/kitemark/applications/perm-1/evidence/{evidenceId}/review",
            new { accepted = true, comment = "fine" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _parties.FireAsync(_parties.OtherChampion, "perm-1", new { trigger = "StartReview" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _parties.Officer.PutAsJsonAsync($"/api/kitemark/applications/perm-1/evidence/{evidenceId}/review",
            new { accepted = true, comment = "self-review" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _parties.FireAsync(_parties.Officer, "perm-1", new { trigger = "StartReview" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _parties.FireAsync(_parties.Champion, "perm-1", new { trigger = "StartReview" }).AssertJsonAsync(HttpStatusCode.OK);
        await _parties.FireAsync(_parties.Officer, "perm-1", new { trigger = "Award" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _parties.FireAsync(_parties.Champion, "perm-1", new { trigger = "Expire" }).AssertProblemAsync(HttpStatusCode.Conflict);
        await _parties.OtherChampion.GetAsync("/api/kitemark/applications/perm-1").AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("UnderReview", (await _parties.GetAsync("perm-1")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_the_scheduler_fires_expire()
    {
        await _parties.AwardAsync("sched-1");

        var refused = await _parties.FireAsync(_parties.Admin, "sched-1", new { trigger = "Expire" }).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["Expire is fired by the scheduler when the award's validity ends"], Reasons(refused));
    }

    [Fact]
    public async Task Anonymous_reads_the_register_and_nothing_else()
    {
        await _parties.AwardAsync("anon-1");
        var anonymous = _silo.Client(null);

        Assert.Single((await anonymous.GetAsync("/api/kitemark/register").AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await anonymous.GetAsync("/api/kitemark/schemes").AssertProblemAsync(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync("/api/kitemark/schemes/cheshire-merseyside").AssertProblemAsync(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync("/api/kitemark/applications/anon-1").AssertProblemAsync(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync("/api/kitemark/applications?awardingBodyId=wirral-council").AssertProblemAsync(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync("/api/kitemark/applications/anon-1/transitions").AssertProblemAsync(HttpStatusCode.Unauthorized);
        await anonymous.PostJsonAsync("/api/kitemark/applications/anon-1/transitions", new { trigger = "Revoke", reason = "x" })
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await anonymous.PostJsonAsync("/api/kitemark/applications",
            new { organisationId = "alder-hey", awardingBodyId = "wirral-council", consentToPublish = true }).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Submit_needs_consent_which_the_officer_can_give_while_draft()
    {
        await _parties.Officer.PostJsonAsync("/api/kitemark/applications",
            new { id = "consent-1", organisationId = "alder-hey", awardingBodyId = "wirral-council", consentToPublish = false }).AssertJsonAsync(HttpStatusCode.Created);

        var refused = await _parties.FireAsync(_parties.Officer, "consent-1", new { trigger = "Submit" }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("consent", Assert.Single(Reasons(refused)));

        await _parties.Officer.PutAsJsonAsync("/api/kitemark/applications/consent-1/consent", new { consentToPublish = true }).AssertJsonAsync(HttpStatusCode.OK);
        await _parties.FireAsync(_parties.Officer, "consent-1", new { trigger = "Submit" }).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Evidence_is_taken_while_open_against_known_criteria_only()
    {
        await _parties.ApplyAsync("evidence-1");
        await _parties.Officer.PostJsonAsync("/api/kitemark/applications/evidence-1/evidence",
            new { criterionId = "no-such-criterion", description = "x" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await _parties.Officer.PostJsonAsync("/api/kitemark/applications/evidence-1/evidence",
            new { criterionId = "social-1", description = "x", link = "not a link" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var created = await _parties.Officer.PostJsonAsync("/api/kitemark/applications/evidence-1/evidence",
            new { criterionId = "social-1", description = "Our estates are used by community groups", link = "https://example.org/estates" })
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("e1", created.GetProperty("id").GetString());

        await _parties.FireAsync(_parties.Officer, "evidence-1", new { trigger = "Withdraw" }).AssertJsonAsync(HttpStatusCode.OK);

        await _parties.Officer.PostJsonAsync("/api/kitemark/applications/evidence-1/evidence",
            new { criterionId = "social-1", description = "late" }).AssertProblemAsync(HttpStatusCode.Conflict);
        var application = await _parties.GetAsync("evidence-1");
        var coverage = application.GetProperty("coverage").EnumerateArray().First();
        Assert.Equal(("social", 1, 0), (coverage.GetProperty("themeId").GetString(), coverage.GetProperty("pending").GetInt32(), coverage.GetProperty("accepted").GetInt32()));
    }

    [Fact]
    public async Task Only_anchor_institutions_apply_and_only_councils_chambers_or_their_nominees_award()
    {
        await _parties.Admin.PostJsonAsync("/api/kitemark/applications",
            new { organisationId = "halton-chamber", awardingBodyId = "wirral-council", consentToPublish = true }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await _parties.Admin.PostJsonAsync("/api/kitemark/applications",
            new { organisationId = "wirral-council", awardingBodyId = "wirral-council", consentToPublish = true }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await _parties.Officer.PostJsonAsync("/api/kitemark/applications",
            new { id = "nominee-1", organisationId = "alder-hey", awardingBodyId = "mersey-vcfse", consentToPublish = true }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await _parties.Champion.PutAsJsonAsync("/api/kitemark/nominations/mersey-vcfse", new { }).AssertJsonAsync(HttpStatusCode.OK);

        await _parties.Officer.PostJsonAsync("/api/kitemark/applications",
            new { id = "nominee-1", organisationId = "alder-hey", awardingBodyId = "mersey-vcfse", consentToPublish = true }).AssertJsonAsync(HttpStatusCode.Created);
        await _parties.Admin.PostJsonAsync("/api/kitemark/applications",
            new { organisationId = "mersey-vcfse", awardingBodyId = "halton-chamber", consentToPublish = true }).AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_shipped_scheme_is_read_only_and_a_body_copies_it_with_its_own_must_dos()
    {
        var shipped = await _parties.Champion.GetAsync("/api/kitemark/schemes/cheshire-merseyside").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("P5Y", shipped.GetProperty("validity").GetString());
        Assert.Equal(["social-4", "economic-2", "environment-6"], shipped.GetProperty("themes").EnumerateArray()
            .SelectMany(t => t.GetProperty("criteria").EnumerateArray()).Where(c => c.GetProperty("mustDo").GetBoolean()).Select(c => c.GetProperty("id").GetString()));
        await _parties.Admin.PutAsJsonAsync("/api/kitemark/schemes/cheshire-merseyside",
            new { name = "Changed", awardingBodyId = "wirral-council", copyFrom = "cheshire-merseyside" }).AssertProblemAsync(HttpStatusCode.Conflict);

        var local = await _parties.Champion.PutAsJsonAsync("/api/kitemark/schemes/wirral",
            new { name = "Wirral Social Value Award", copyFrom = "cheshire-merseyside", mustDos = new[] { "social-5" } }).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("wirral-council", local.GetProperty("awardingBodyId").GetString());
        Assert.Equal(["social-5"], local.GetProperty("themes").EnumerateArray()
            .SelectMany(t => t.GetProperty("criteria").EnumerateArray()).Where(c => c.GetProperty("mustDo").GetBoolean()).Select(c => c.GetProperty("id").GetString()));
        await _parties.OtherChampion.PutAsJsonAsync("/api/kitemark/schemes/wirral",
            new { name = "Taken over", copyFrom = "cheshire-merseyside" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _parties.Officer.PostJsonAsync("/api/kitemark/applications",
            new { organisationId = "alder-hey", awardingBodyId = "sefton-council", schemeId = "wirral", consentToPublish = true }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await _parties.Champion.PutAsJsonAsync("/api/kitemark/schemes/bad",
            new { name = "Bad", copyFrom = "cheshire-merseyside", validity = "five years" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await _parties.ApplyAndSubmitAsync("local-1", "wirral");
        await _parties.AcceptAsync("local-1", "social-4", "economic-2", "environment-6", "innovation-1");
        var refused = await _parties.FireAsync(_parties.Champion, "local-1", new { trigger = "Award" }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["must-do 'Carers' quality of life is improved' (social-5) has no accepted evidence yet"], Reasons(refused));
        var ids = (await _parties.Champion.GetAsync("/api/kitemark/schemes").AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(s => s.GetProperty("id").GetString());
        Assert.Equal(["cheshire-merseyside", "wirral"], ids);
    }

    [Fact]
    public async Task An_award_lapses_early_when_a_recorded_change_leaves_a_theme_without_evidence_and_leaves_the_register()
    {
        await _parties.AwardAsync("lapse-1");
        var innovation = (await _parties.GetAsync("lapse-1")).GetProperty("evidence").EnumerateArray()
            .Single(e => e.GetProperty("criterionId").GetString() == "innovation-1").GetProperty("id").GetString();
        Assert.Single((await _parties.RegisterAsync()).EnumerateArray());

        await _parties.FireAsync(_parties.Officer, "lapse-1", new { trigger = "RecordChange", reason = "Pilot ended", withdrawnEvidence = new[] { innovation } })
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var unknown = await _parties.FireAsync(_parties.Champion, "lapse-1", new { trigger = "RecordChange", reason = "Pilot ended", withdrawnEvidence = new[] { "e99" } })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'e99'", unknown.GetProperty("errors").GetProperty("withdrawnEvidence")[0].GetString());
        Assert.Equal("Awarded", (await _parties.GetAsync("lapse-1")).GetProperty("state").GetString());

        var lapsed = await _parties.FireAsync(_parties.Champion, "lapse-1", new { trigger = "RecordChange", reason = "The pilot programme ended", withdrawnEvidence = new[] { innovation } })
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Lapsed", lapsed.GetProperty("state").GetString());
        var last = lapsed.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("RecordChange", "Awarded", "Lapsed", "The pilot programme ended"),
            (last.GetProperty("trigger").GetString(), last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("reason").GetString()));
        Assert.False(lapsed.GetProperty("coverage").EnumerateArray().Single(t => t.GetProperty("themeId").GetString() == "innovation").GetProperty("covered").GetBoolean());
        await Eventually.HoldsAsync(_parties.RegisterAsync, register => register.GetArrayLength() == 0, TimeSpan.FromSeconds(10), "the lapsed holder leaves the register");
    }

    [Fact]
    public async Task Champions_see_their_queue_by_state_and_awards_expiring_within_ninety_days()
    {
        await _parties.ApplyAsync("queue-draft");
        await _parties.Admin.PostJsonAsync("/api/organisations", new { id = "merseyrail", name = "Merseyrail", type = "BusinessAndIndustry", place = "Merseyside" });
        await _parties.Admin.PostJsonAsync("/api/kitemark/applications",
            new { id = "queue-awarded", organisationId = "merseyrail", awardingBodyId = "wirral-council", consentToPublish = true }).AssertJsonAsync(HttpStatusCode.Created);
        await _parties.SubmitAndAwardAsync("queue-awarded");

        var queue = await _parties.Champion.GetAsync("/api/kitemark/applications").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["queue-awarded", "queue-draft"], queue.EnumerateArray().Select(a => a.GetProperty("id").GetString()).Order());
        var drafts = await _parties.Champion.GetAsync("/api/kitemark/applications?awardingBodyId=wirral-council&state=Draft").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["queue-draft"], drafts.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        await _parties.OtherChampion.GetAsync("/api/kitemark/applications?awardingBodyId=wirral-council").AssertProblemAsync(HttpStatusCode.Forbidden);
        await _parties.Officer.GetAsync("/api/kitemark/applications?awardingBodyId=wirral-council").AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Empty((await _parties.Champion.GetAsync("/api/kitemark/applications/expiring?days=90").AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        var withinSixYears = await _parties.Champion.GetAsync("/api/kitemark/applications/expiring?awardingBodyId=wirral-council&days=2200").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["queue-awarded"], withinSixYears.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_application_has_an_etag_and_a_stale_if_match_is_412()
    {
        await _parties.ApplyAsync("etag-1");
        var read = await _parties.Officer.GetAsync("/api/kitemark/applications/etag-1");
        var etag = read.Headers.ETag!;
        await _parties.AddEvidenceAsync("etag-1", "social-1");

        using var stale = new HttpRequestMessage(HttpMethod.Post, "/api/kitemark/applications/etag-1/transitions") { Content = JsonContent.Create(new { trigger = "Submit" }) };
        stale.Headers.IfMatch.Add(etag);
        await (await _parties.Officer.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var current = (await _parties.Officer.GetAsync("/api/kitemark/applications/etag-1")).Headers.ETag!;
        using var fresh = new HttpRequestMessage(HttpMethod.Post, "/api/kitemark/applications/etag-1/transitions") { Content = JsonContent.Create(new { trigger = "Submit" }) };
        fresh.Headers.IfMatch.Add(current);
        await (await _parties.Officer.SendAsync(fresh)).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_workflow_renders_as_mermaid()
    {
        await _parties.ApplyAsync("diagram-1");

        var text = await _parties.Officer.GetStringAsync("/api/kitemark/applications/diagram-1/workflow");

        Assert.Contains("UnderReview --> Awarded : Award", text);
        Assert.Contains("Awarded --> Expired : Expire", text);
    }

    private static IReadOnlyList<string?> Reasons(JsonElement problem) =>
        [.. problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())];
}

/// <summary>
/// The organisations and keys of a Kite Mark scenario: Wirral Council awards, Alder Hey applies, Sefton Council is
/// another awarding body, Halton Chamber a chamber of commerce, Mersey VCFSE a voluntary organisation.
/// </summary>
internal sealed class KiteMarkParties
{
    private KiteMarkParties(HttpClient admin, HttpClient champion, HttpClient otherChampion, HttpClient officer)
    {
        (Admin, Champion, OtherChampion, Officer) = (admin, champion, otherChampion, officer);
    }

    public HttpClient Admin { get; }

    public HttpClient Champion { get; }

    public HttpClient OtherChampion { get; }

    public HttpClient Officer { get; }

    private HttpClient Anonymous { get; init; } = null!;

    public static Task<KiteMarkParties> CreateAsync(TestSilo silo) => CreateAsync(silo.Client);

    /// <summary>The parties on any Silo: <paramref name="client"/> gives a client with a key (the administrator's by default), or anonymous for null.</summary>
    public static async Task<KiteMarkParties> CreateAsync(Func<string?, HttpClient> client)
    {
        var admin = client(TestSilo.AdminKey);
        (string Id, string Name, string Type)[] organisations =
        [
            ("wirral-council", "Wirral Council", "LocalAuthority"),
            ("sefton-council", "Sefton Council", "LocalAuthority"),
            ("alder-hey", "Alder Hey Children's NHS Foundation Trust", "NhsProvider"),
            ("halton-chamber", "Halton Chamber of Commerce", "ChamberOfCommerce"),
            ("mersey-vcfse", "Mersey VCFSE Partnership", "Vcfse"),
        ];
        foreach (var (id, name, type) in organisations)
        {
            await admin.PostJsonAsync("/api/organisations", new { id, name, type, place = "Cheshire & Merseyside" }).AssertJsonAsync(HttpStatusCode.Created);
        }
        return new KiteMarkParties(admin,
            await KeyAsync(client, admin, "Champion", "wirral-council"),
            await KeyAsync(client, admin, "Champion", "sefton-council"),
            await KeyAsync(client, admin, "Officer", "alder-hey"))
        {
            Anonymous = client(null),
        };
    }

    public Task DefineFiveSecondSchemeAsync() =>
        Champion.PutAsJsonAsync("/api/kitemark/schemes/five-seconds",
            new { name = "Five seconds", copyFrom = "cheshire-merseyside", validity = "PT5S" }).AssertJsonAsync(HttpStatusCode.OK);

    public Task ApplyAsync(string id, string scheme = "cheshire-merseyside") =>
        Officer.PostJsonAsync("/api/kitemark/applications",
            new { id, organisationId = "alder-hey", awardingBodyId = "wirral-council", schemeId = scheme, consentToPublish = true })
            .AssertJsonAsync(HttpStatusCode.Created);

    public async Task ApplyAndSubmitAsync(string id, string scheme = "cheshire-merseyside")
    {
        await ApplyAsync(id, scheme);
        await FireAsync(Officer, id, new { trigger = "Submit" }).AssertJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Applies, gives evidence for every default must-do and Innovation, has it accepted and awarded.</summary>
    public async Task AwardAsync(string id, string scheme = "cheshire-merseyside")
    {
        await ApplyAsync(id, scheme);
        await SubmitAndAwardAsync(id);
    }

    public async Task SubmitAndAwardAsync(string id)
    {
        await FireAsync(Admin, id, new { trigger = "Submit" }).AssertJsonAsync(HttpStatusCode.OK);
        await AcceptAsync(id, "social-4", "economic-2", "environment-6", "innovation-1");
        await FireAsync(Champion, id, new { trigger = "Award" }).AssertJsonAsync(HttpStatusCode.OK);
    }

    public async Task<string> AddEvidenceAsync(string id, string criterionId)
    {
        var created = await Admin.PostJsonAsync($"/api/kitemark/applications/{id}/evidence",
            new { criterionId, description = $"What we do for {criterionId}" }).AssertJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>Adds evidence for each criterion and has a champion accept it, starting the review first when needed.</summary>
    public async Task AcceptAsync(string id, params string[] criteria)
    {
        if ((await GetAsync(id)).GetProperty("state").GetString() == "Submitted")
        {
            await FireAsync(Champion, id, new { trigger = "StartReview" }).AssertJsonAsync(HttpStatusCode.OK);
        }
        foreach (var criterionId in criteria)
        {
            var evidenceId = await AddEvidenceAsync(id, criterionId);
            await Champion.PutAsJsonAsync($"/api/kitemark/applications/{id}/evidence/{evidenceId}/review",
                new { accepted = true, comment = "Good evidence" }).AssertJsonAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>Rejects every accepted piece of evidence for the criterion.</summary>
    public async Task RejectAsync(string id, string criterionId)
    {
        foreach (var evidence in (await GetAsync(id)).GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("criterionId").GetString() == criterionId))
        {
            await Champion.PutAsJsonAsync($"/api/kitemark/applications/{id}/evidence/{evidence.GetProperty("id").GetString()}/review",
                new { accepted = false, comment = "Not about mental health" }).AssertJsonAsync(HttpStatusCode.OK);
        }
    }

    public Task<HttpResponseMessage> FireAsync(HttpClient client, string id, object body) =>
        client.PostAsJsonAsync($"/api/kitemark/applications/{id}/transitions", body);

    public Task<JsonElement> GetAsync(string id) => Admin.GetAsync($"/api/kitemark/applications/{id}").AssertJsonAsync(HttpStatusCode.OK);

    public Task<JsonElement> RegisterAsync() => Anonymous.GetAsync("/api/kitemark/register").AssertJsonAsync(HttpStatusCode.OK);

    private static async Task<HttpClient> KeyAsync(Func<string?, HttpClient> client, HttpClient admin, string role, string organisationId)
    {
        var created = await admin.PostJsonAsync("/api/keys", new { name = $"{role} of {organisationId}", role, organisationId })
            .AssertJsonAsync(HttpStatusCode.Created);
        return client(created.GetProperty("key").GetString());
    }
}
