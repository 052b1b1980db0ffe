using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SocialValue.Contracts;
using SocialValue.Silo.Tests.Infrastructure;
using SocialValue.Silo.Tests.OpenApi;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>
/// DOMAIN.md "Enforcement and reward" over HTTP on a real SQLite file: performance reviews open remedies and flag
/// extension opportunities, the remedy workflow with every guard's reason, roles, and the due date's Hangfire job.
/// </summary>
public sealed class RemediesTests : IAsyncLifetime
{
    private const string Id = "care-remedies";
    private const string Remedies = $"/api/contracts/{Id}/remedies";

    private readonly ShiftedClock _clock = new();
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private Commissioning _cycle = null!;
    private HttpClient _officer = null!;
    private HttpClient _supplier = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database, businessClock: _clock);
        _cycle = new Commissioning(_silo.Client());
        await _cycle.SetUpAsync();
        _officer = await _cycle.KeyAsync(_cycle.Admin, "Officer", Commissioning.Council);
        _supplier = await _cycle.KeyAsync(_cycle.Admin, "Supplier", Commissioning.Supplier);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_remedy_workflow_runs_end_to_end_over_HTTP_with_every_guards_reason()
    {
        await LiveWithThreeCommitmentsAsync();
        await ReturnAsync(0, jobs: 2, apprenticeWeeks: 30, carbon: 5);

        // The review: two measures short by more than 20%, one delivered above its commitment, one demand reduction asserted.
        var reviewed = await _officer.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews",
            new { demandReductions = new[] { new { note = "40 fewer council home visits a month, from the council's own visit log" } } });
        var review = await reviewed.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/contracts/{Id}/performance-reviews/review-1", reviewed.Headers.Location?.OriginalString);
        Assert.Equal(review.GetRawText(), (await _cycle.GetJsonAsync(reviewed.Headers.Location!.OriginalString)).GetRawText());
        Assert.Equal(["remedy-1", "remedy-2"], Strings(review.GetProperty("remediesOpened")));
        Assert.Equal(["new-jobs", "carbon-saved"], review.GetProperty("performance").GetProperty("measures").EnumerateArray()
            .Where(m => m.GetProperty("shortfall").GetBoolean()).Select(m => m.GetProperty("measureId").GetString()));
        Assert.Equal(["OverDelivery apprentice-weeks delivered 30 weeks against 20 committed on 'apprentice-weeks'",
                "DemandReduction  40 fewer council home visits a month, from the council's own visit log"],
            review.GetProperty("flags").EnumerateArray().Select(f =>
                $"{f.GetProperty("kind").GetString()} {f.GetProperty("measureId").GetString()} {f.GetProperty("note").GetString()}"));

        var opened = await _cycle.GetJsonAsync($"{Remedies}/remedy-1");
        Assert.Equal(("Open", "new-jobs", 10m, 2m, 8m, "review-1"), (opened.GetProperty("state").GetString(), opened.GetProperty("measureId").GetString(),
            opened.GetProperty("committed").GetDecimal(), opened.GetProperty("delivered").GetDecimal(), opened.GetProperty("shortfall").GetDecimal(),
            opened.GetProperty("reviewId").GetString()));
        await AssertTransitionsAsync("remedy-1", ["ProposePlan", "Escalate"], []);

        // Only the awarded supplier proposes; a plan needs its text and a date after today.
        var today = Today();
        await Remedy(_officer, "remedy-1", "ProposePlan", new { plan = "Two hires", dueDate = Date(today.AddDays(90)) }).AssertProblemAsync(HttpStatusCode.Forbidden);
        var missing = await Remedy(_supplier, "remedy-1", "ProposePlan", new { dueDate = Date(today.AddDays(90)) }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["plan is required"], Strings(missing.GetProperty("errors").GetProperty("plan")));
        var undated = await Remedy(_supplier, "remedy-1", "ProposePlan", new { plan = "Two hires", dueDate = "next spring" })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["'next spring' is not a date; write the plan's due date as YYYY-MM-DD, e.g. 2027-03-31."], Strings(undated.GetProperty("errors").GetProperty("dueDate")));
        var past = await Remedy(_supplier, "remedy-1", "ProposePlan", new { plan = "Two hires", dueDate = Date(today) }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([RemedyWorkflow.DueDateAfterToday], Strings(past.GetProperty("reasons")));
        Assert.Equal(opened.GetRawText(), (await _cycle.GetJsonAsync($"{Remedies}/remedy-1")).GetRawText());

        var proposed = await Remedy(_supplier, "remedy-1", "ProposePlan", new { plan = "Two hires through the job centre", dueDate = Date(today.AddDays(60)) })
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("PlanProposed", "Two hires through the job centre"),
            (proposed.GetProperty("state").GetString(), proposed.GetProperty("plan").GetProperty("text").GetString()));
        await AssertTransitionsAsync("remedy-1", ["RejectPlan", "Accept", "Escalate"], []);

        // Only the commissioner rejects, with a reason; the supplier then proposes again, and the commissioner accepts.
        await Remedy(_supplier, "remedy-1", "Accept").AssertProblemAsync(HttpStatusCode.Forbidden);
        var unreasoned = await Remedy(_officer, "remedy-1", "RejectPlan").AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["reason is required"], Strings(unreasoned.GetProperty("errors").GetProperty("reason")));
        var rejected = await Remedy(_officer, "remedy-1", "RejectPlan", new { reason = "Two hires do not make up eight" }).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", rejected.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("plan").ValueKind);
        await Remedy(_supplier, "remedy-1", "ProposePlan", new { plan = "Seven hires through the job centre", dueDate = Date(today.AddDays(120)) })
            .AssertJsonAsync(HttpStatusCode.OK);
        var accepted = await Remedy(_officer, "remedy-1", "Accept").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Recovering", accepted.GetProperty("state").GetString());
        await AssertTransitionsAsync("remedy-1", ["Escalate"], [("Resolve", [RemedyWorkflow.ShortfallMadeGood]), ("DueDatePassed", [RemedyWorkflow.SchedulerOnly])]);
        var early = await Remedy(_officer, "remedy-1", "Resolve").AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([RemedyWorkflow.ShortfallMadeGood], Strings(early.GetProperty("reasons")));
        var byHand = await Remedy(_cycle.Admin, "remedy-1", "DueDatePassed").AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([RemedyWorkflow.SchedulerOnly], Strings(byHand.GetProperty("reasons")));

        // A later return makes the shortfall good (9 of 10 FTE), and the commissioner resolves the remedy.
        _clock.MoveTo(DateOnly.Parse(Commissioning.PeriodStart(1), CultureInfo.InvariantCulture));
        await ReturnAsync(1, jobs: 7, apprenticeWeeks: 0, carbon: 5);
        var resolved = await Remedy(_officer, "remedy-1", "Resolve").AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Resolved", resolved.GetProperty("state").GetString());
        Assert.Equal(["ProposePlan", "RejectPlan", "ProposePlan", "Accept", "Resolve"], resolved.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()));
        await AssertTransitionsAsync("remedy-1", [], []);

        // The commissioner escalates another remedy, with a reason.
        await Remedy(_supplier, "remedy-2", "Escalate", new { reason = "no plan" }).AssertProblemAsync(HttpStatusCode.Forbidden);
        var unexplained = await Remedy(_officer, "remedy-2", "Escalate").AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["reason is required"], Strings(unexplained.GetProperty("errors").GetProperty("reason")));
        var escalated = await Remedy(_officer, "remedy-2", "Escalate", new { reason = "No plan after two reminders" }).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Escalated", escalated.GetProperty("state").GetString());

        // A second review opens a new remedy on the measure whose remedy was escalated, and flags nothing twice.
        (await _cycle.Admin.PutAsJsonAsync($"/api/contracts/{Id}/planning", new { breakClauseCoversSocialValue = true })).EnsureSuccessStatusCode();
        var second = await _officer.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews", new { }).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["remedy-3"], Strings(second.GetProperty("remediesOpened")));
        Assert.Empty(second.GetProperty("flags").EnumerateArray());

        // Left Recovering past its plan's date, the remedy goes to the break clause when the Hangfire job runs.
        today = Today();
        await Remedy(_supplier, "remedy-3", "ProposePlan", new { plan = "A heat pump survey of every site", dueDate = Date(today.AddDays(10)) })
            .AssertJsonAsync(HttpStatusCode.OK);
        await Remedy(_officer, "remedy-3", "Accept").AssertJsonAsync(HttpStatusCode.OK);
        _clock.MoveTo(today.AddDays(12));
        RunDueJob("remedy-due/remedy-3");
        var broken = await Eventually.HoldsAsync(() => _cycle.GetJsonAsync($"{Remedies}/remedy-3"),
            r => r.GetProperty("state").GetString() == "EscalatedToBreakClause", TimeSpan.FromSeconds(30), "the remedy did not escalate to the break clause");
        var passed = broken.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("DueDatePassed", "scheduler"), (passed.GetProperty("trigger").GetString(), passed.GetProperty("actor").GetString()));
        Assert.Equal($"the recovery plan's due date {Date(today.AddDays(10))} passed with 'carbon-saved' at 10 of 50 tCO2e; "
            + "step 12 records that failure to deliver social value is in the contract's break clause", passed.GetProperty("reason").GetString());

        // Every step is in the contract's history, and the contract lists its remedies and flags.
        var contract = await _cycle.GetJsonAsync($"/api/contracts/{Id}");
        var steps = contract.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("subject").ValueKind == JsonValueKind.String)
            .Select(h => $"{h.GetProperty("subject").GetString()} {h.GetProperty("trigger").GetString()}").ToList();
        Assert.Equal([
            "performance-reviews/review-1 ReviewPerformance",
            "remedies/remedy-1 ProposePlan", "remedies/remedy-1 RejectPlan", "remedies/remedy-1 ProposePlan", "remedies/remedy-1 Accept", "remedies/remedy-1 Resolve",
            "remedies/remedy-2 Escalate",
            "performance-reviews/review-2 ReviewPerformance",
            "remedies/remedy-3 ProposePlan", "remedies/remedy-3 Accept", "remedies/remedy-3 DueDatePassed",
        ], steps);
        Assert.Equal(["remedy-1 Resolved", "remedy-2 Escalated", "remedy-3 EscalatedToBreakClause"], contract.GetProperty("remedies").EnumerateArray()
            .Select(r => $"{r.GetProperty("id").GetString()} {r.GetProperty("state").GetString()}"));
        Assert.Equal(2, contract.GetProperty("extensionFlags").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_commissioner_records_a_review_and_only_of_a_Live_contract()
    {
        await _cycle.CreateContractAsync("not-live");
        var refused = await _officer.PostAsJsonAsync("/api/contracts/not-live/performance-reviews", new { }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Performance reviews are recorded only while the contract is Live; contract 'not-live' is Initiated.", refused.GetProperty("detail").GetString());

        await LiveWithThreeCommitmentsAsync();
        var before = await _cycle.GetJsonAsync($"/api/contracts/{Id}");
        var viewer = await _cycle.KeyAsync(_cycle.Admin, "Viewer", Commissioning.Council);
        await viewer.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews", new { }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _supplier.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews", new { }).AssertProblemAsync(HttpStatusCode.Forbidden);
        var blank = await _officer.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews", new { demandReductions = new[] { new { note = " " } } })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(blank.GetProperty("errors").TryGetProperty("demandReductions[0].note", out _), blank.GetRawText());
        Assert.Equal(before.GetRawText(), (await _cycle.GetJsonAsync($"/api/contracts/{Id}")).GetRawText());

        // The supplier reads the reviews and remedies of its contract; another organisation's keys do not.
        await _officer.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews", new { }).AssertJsonAsync(HttpStatusCode.Created);
        var listed = await _supplier.GetAsync($"{Remedies}?limit=1");
        Assert.Equal(["remedy-1"], (await listed.AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.NotNull(listed.NextLink());
        await (await _supplier.GetAsync($"/api/contracts/{Id}/performance-reviews")).AssertJsonAsync(HttpStatusCode.OK);
        await (await _supplier.GetAsync($"{Remedies}/remedy-1/transitions")).AssertJsonAsync(HttpStatusCode.OK);
        await _cycle.PostAsync("/api/organisations", new { id = "other-care", name = "Other Care", type = "BusinessAndIndustry", place = "Walsall" });
        var stranger = await _cycle.KeyAsync(_cycle.Admin, "Supplier", "other-care");
        await (await stranger.GetAsync($"{Remedies}/remedy-1")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await Remedy(stranger, "remedy-1", "ProposePlan", new { plan = "Hires", dueDate = Date(Today().AddDays(30)) }).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _cycle.Admin.GetAsync($"{Remedies}/remedy-9")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _cycle.Admin.GetAsync($"/api/contracts/{Id}/performance-reviews/review-9")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_remedy_transition_honours_If_Match_and_a_terminated_contract_refuses_every_trigger_with_its_reason()
    {
        await LiveWithThreeCommitmentsAsync();
        await _officer.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews", new { }).AssertJsonAsync(HttpStatusCode.Created);
        var read = await _cycle.Admin.GetAsync($"{Remedies}/remedy-1");
        var etag = read.Headers.ETag!;
        var unbounded = await Remedy(_supplier, "remedy-1", "ProposePlan", new { plan = new string('x', 2001), dueDate = Date(Today().AddDays(30)) })
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(unbounded.GetProperty("errors").TryGetProperty("plan", out _), unbounded.GetRawText());
        await Remedy(_supplier, "remedy-1", "ProposePlan", new { plan = "Hires", dueDate = Date(Today().AddDays(30)) }).AssertJsonAsync(HttpStatusCode.OK);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"{Remedies}/remedy-1/transitions") { Content = JsonContent.Create(new { trigger = "Accept" }) };
        stale.Headers.IfMatch.Add(etag);
        await (await _officer.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("PlanProposed", (await _cycle.GetJsonAsync($"{Remedies}/remedy-1")).GetProperty("state").GetString());

        await _cycle.FireOkAsync(Id, "Terminate", new { reason = "persistent failure to deliver" });
        await AssertTransitionsAsync("remedy-1", [], [
            ("RejectPlan", [RemedyWorkflow.NeedsLiveContract]),
            ("Accept", [RemedyWorkflow.NeedsLiveContract]),
            ("Escalate", [RemedyWorkflow.NeedsLiveContract]),
        ]);
        var closed = await Remedy(_officer, "remedy-1", "Escalate", new { reason = "terminated" }).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([RemedyWorkflow.NeedsLiveContract], Strings(closed.GetProperty("reasons")));
        var workflow = await _cycle.Admin.GetStringAsync($"{Remedies}/remedy-1/workflow");
        Assert.Contains("EscalatedToBreakClause", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contract_and_remedy_histories_answer_the_names_their_declared_enums_list()
    {
        await LiveWithThreeCommitmentsAsync();
        await ReturnAsync(0, jobs: 2, apprenticeWeeks: 20, carbon: 50);
        await _officer.PostAsJsonAsync($"/api/contracts/{Id}/performance-reviews", new { }).AssertJsonAsync(HttpStatusCode.Created);
        await Remedy(_supplier, "remedy-1", "ProposePlan", new { plan = "Two hires", dueDate = Date(Today().AddDays(60)) }).AssertJsonAsync(HttpStatusCode.OK);

        var contract = await _cycle.GetJsonAsync($"/api/contracts/{Id}");
        var remedy = await _cycle.GetJsonAsync($"{Remedies}/remedy-1");
        using var document = JsonDocument.Parse(await _cycle.Admin.GetStringAsync("/openapi/v1.json"));

        Assert.Equal(["Award Evaluation Awarded", "GoLive Awarded Live", "performance-reviews/review-1 ReviewPerformance Live Live",
            "remedies/remedy-1 ProposePlan Open PlanProposed"], HistorySchema.Steps(contract).TakeLast(4));
        Assert.Equal(["ProposePlan Open PlanProposed"], HistorySchema.Steps(remedy));
        Assert.False(contract.TryGetProperty("unrecognisedHistory", out _));
        Assert.False(remedy.TryGetProperty("unrecognisedHistory", out _));
        var triggers = HistorySchema.Enum(document.RootElement, "ContractResponse", "trigger");
        Assert.Equal(Enum.GetNames<ContractHistoryTrigger>(), triggers);
        Assert.Equal(Enum.GetNames<ContractHistoryState>(), HistorySchema.Enum(document.RootElement, "ContractResponse", "from"));
        Assert.Equal(Enum.GetNames<ContractHistoryState>(), HistorySchema.Enum(document.RootElement, "ContractResponse", "to"));
        Assert.Subset(triggers.ToHashSet(), contract.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()!).ToHashSet());
        Assert.Equal(Enum.GetNames<RemedyTrigger>(), HistorySchema.Enum(document.RootElement, "RemedyResponse", "trigger"));
        Assert.Equal(Enum.GetNames<RemedyStatus>(), HistorySchema.Enum(document.RootElement, "RemedyResponse", "from"));
        Assert.Equal(Enum.GetNames<RemedyStatus>(), HistorySchema.Enum(document.RootElement, "RemedyResponse", "to"));
    }

    /// <summary>To Live with Acme committing 10 new jobs (FTE), 20 apprentice weeks and 50 tCO2e saved.</summary>
    private async Task LiveWithThreeCommitmentsAsync()
    {
        await _cycle.CreateContractAsync(Id);
        await _cycle.SpecifyAsync(Id);
        await _cycle.FireOkAsync(Id, "PublishTender");
        await _cycle.BidAsync(Id, "acme", "Acme Care Ltd", 900_000m, [
            new { measureId = "new-jobs", target = 10 }, new { measureId = "apprentice-weeks", target = 20 }, new { measureId = "carbon-saved", target = 50 },
        ], Commissioning.Supplier);
        await _cycle.FireOkAsync(Id, "CloseTender");
        (await _cycle.ScoreAsync(Id, "acme", 4, 5)).EnsureSuccessStatusCode();
        await _cycle.FireOkAsync(Id, "Award", new { bidId = "acme" });
        await _cycle.FireOkAsync(Id, "GoLive");
    }

    /// <summary>The supplier's return for the quarter <paramref name="offset"/> after going live, accepted by the commissioner.</summary>
    private async Task ReturnAsync(int offset, decimal jobs, decimal apprenticeWeeks, decimal carbon)
    {
        var submitted = await _supplier.PostAsJsonAsync($"/api/contracts/{Id}/returns", new
        {
            period = Commissioning.Period(offset),
            lines = new object[]
            {
                new { measureId = "new-jobs", quantity = jobs },
                new { measureId = "apprentice-weeks", quantity = apprenticeWeeks },
                new { measureId = "carbon-saved", quantity = carbon },
            },
        }).AssertJsonAsync(HttpStatusCode.Created);
        (await _officer.PutAsJsonAsync($"/api/contracts/{Id}/returns/{submitted.GetProperty("id").GetString()}/verification", new { accepted = true }))
            .EnsureSuccessStatusCode();
    }

    private static Task<HttpResponseMessage> Remedy(HttpClient client, string remedyId, string trigger, object? arguments = null) =>
        Commissioning.TransitionAsync(client, $"{Remedies}/{remedyId}", trigger, arguments);

    private async Task AssertTransitionsAsync(string remedyId, string[] permitted, (string Trigger, string[] Reasons)[] blocked)
    {
        var transitions = await _cycle.GetJsonAsync($"{Remedies}/{remedyId}/transitions");
        Assert.Equal(permitted, transitions.GetProperty("permitted").EnumerateArray().Select(p => p.GetProperty("trigger").GetString()));
        Assert.Equal(blocked.Select(b => $"{b.Trigger}: {string.Join(" | ", b.Reasons)}"), transitions.GetProperty("blocked").EnumerateArray()
            .Select(b => $"{b.GetProperty("trigger").GetString()}: {string.Join(" | ", Strings(b.GetProperty("reasons")))}"));
    }

    /// <summary>Runs the scheduled Hangfire job of <paramref name="deadline"/> now, as the scheduler would at its due time.</summary>
    private void RunDueJob(string deadline)
    {
        var storage = _silo.Services.GetRequiredService<JobStorage>();
        var job = Assert.Single(storage.GetMonitoringApi().ScheduledJobs(0, 1000), j => j.Value.Job.Args.Contains(deadline));
        Assert.True(new BackgroundJobClient(storage).Requeue(job.Key), $"job {job.Key} of {deadline} could not be requeued");
    }

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}
