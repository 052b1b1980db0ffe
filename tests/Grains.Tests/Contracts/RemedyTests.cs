using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.Contracts;

/// <summary>The remedy workflow's table and guards, and what a recorded review opens and flags, without a host.</summary>
public sealed class RemedyTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task A_proposed_plan_is_recorded_with_its_date_and_the_step_goes_into_the_contracts_history_under_the_remedy()
    {
        var remedy = new Remedy { Id = "remedy-1" };
        var history = new List<TransitionRecord>();

        await Workflow(remedy, history).FireAsync(Request("ProposePlan", ("plan", " Two hires "), ("dueDate", "2026-06-30")), Now);

        Assert.Equal((RemedyStatus.PlanProposed, "Two hires", new DateOnly(2026, 6, 30), "supplier", Now),
            (remedy.Status, remedy.Plan, remedy.DueDate, remedy.PlanProposedBy, remedy.PlanProposedAt));
        Assert.Equal([new TransitionRecord(Now, "supplier", "ProposePlan", "Open", "PlanProposed", null, "remedies/remedy-1")], history);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), remedy.PassesAt);
    }

    [Theory]
    [InlineData("2026-04-01")]
    [InlineData("2026-03-01")]
    public async Task A_plan_dated_today_or_earlier_is_refused_with_its_reason_and_changes_nothing(string dueDate)
    {
        var remedy = new Remedy { Id = "remedy-1" };
        var history = new List<TransitionRecord>();

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            Workflow(remedy, history).FireAsync(Request("ProposePlan", ("plan", "Hires"), ("dueDate", dueDate)), Now));

        Assert.Equal([RemedyWorkflow.DueDateAfterToday], refused.Reasons);
        Assert.Equal((RemedyStatus.Open, null, 0), (remedy.Status, remedy.Plan, history.Count));
    }

    [Fact]
    public async Task Accepting_a_plan_whose_date_has_passed_is_blocked_until_it_is_rejected()
    {
        var remedy = new Remedy { Id = "remedy-1", Status = RemedyStatus.PlanProposed, Plan = "Hires", DueDate = Today.AddDays(-1) };

        var options = await Workflow(remedy, []).GetTransitionsAsync();

        var blocked = Assert.Single(options.Blocked);
        Assert.Equal("Accept", blocked.Trigger);
        Assert.Equal([RemedyWorkflow.PlanStillDue], blocked.Reasons);
        Assert.Equal(["RejectPlan", "Escalate"], options.Permitted.Select(p => p.Trigger));
    }

    [Fact]
    public async Task Only_the_scheduler_fires_DueDatePassed_which_leads_to_the_break_clause()
    {
        var remedy = new Remedy { Id = "remedy-1", Status = RemedyStatus.Recovering, Plan = "Hires", DueDate = Today };

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() => Workflow(remedy, []).FireAsync(Request("DueDatePassed"), Now));
        await Workflow(remedy, [], firedByScheduler: true).FireAsync(Request("DueDatePassed"), Now);

        Assert.Equal([RemedyWorkflow.SchedulerOnly], refused.Reasons);
        Assert.Equal(RemedyStatus.EscalatedToBreakClause, remedy.Status);
    }

    [Fact]
    public async Task A_plan_without_a_readable_date_is_a_validation_error_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Workflow(new Remedy(), []).FireAsync(Request("ProposePlan", ("plan", "Hires"), ("dueDate", "31/03/2027")), Now));

        Assert.Equal(["dueDate"], error.Errors.Keys);
    }

    [Fact]
    public void A_review_opens_remedies_only_where_none_is_unfinished_and_flags_over_delivery_once()
    {
        var contract = new ContractState
        {
            Status = ContractStatus.Live,
            Terms = [Term("jobs", 10), Term("carbon", 50), Term("weeks", 20)],
            Remedies = [new Remedy { Id = "remedy-1", MeasureId = "carbon", Status = RemedyStatus.Recovering }],
        };
        var performance = Performance(("jobs", 10, 2), ("carbon", 50, 5), ("weeks", 20, 30));

        var first = PerformanceReviews.Record(contract, performance, new NewPerformanceReview("officer", ["fewer home visits"]), Now);
        var second = PerformanceReviews.Record(contract, performance, new NewPerformanceReview("officer", []), Now);

        Assert.Equal(["remedy-2"], first.RemediesOpened);
        Assert.Empty(second.RemediesOpened);
        Assert.Equal(("jobs", 10m, 2m, "review-1"), (contract.Remedies[1].MeasureId, contract.Remedies[1].Committed, contract.Remedies[1].Delivered, contract.Remedies[1].ReviewId));
        Assert.Equal([(ExtensionFlagKind.OverDelivery, "weeks"), (ExtensionFlagKind.DemandReduction, null)],
            contract.ExtensionFlags.Select(f => (f.Kind, f.MeasureId)));
        Assert.Equal(["performance-reviews/review-1", "performance-reviews/review-2"], contract.History.Select(h => h.Subject));
        Assert.Equal("2 of 3 measures short of the commitment by more than 20%: 'jobs' 2 of 10 FTE; 'carbon' 5 of 50 FTE; opened remedy-2 on 'jobs'; "
            + "flagged for an extension opportunity: over-delivery, delivered 30 FTE against 20 committed on 'weeks'; demand reduction, fewer home visits",
            contract.History[0].Reason);
    }

    [Fact]
    public void The_diagram_has_the_remedy_workflows_eight_edges_and_no_other()
    {
        var mermaid = RemedyWorkflow.Diagram.ToMermaid();

        var edges = mermaid.Split('\n').Where(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, edges.Count);
        Assert.StartsWith("---\ntitle: Remedy\n---\nstateDiagram-v2\n", mermaid);
        Assert.Contains("[*] --> Open", mermaid);
        Assert.Contains(edges, e => e.Contains("Recovering --> EscalatedToBreakClause : DueDatePassed", StringComparison.Ordinal));
        Assert.Contains(edges, e => e.Contains("PlanProposed --> Open : RejectPlan", StringComparison.Ordinal));
        Assert.DoesNotContain(edges, e => e.StartsWith("Resolved", StringComparison.Ordinal) || e.StartsWith("Escalated", StringComparison.Ordinal));
    }

    private static RemedyWorkflow Workflow(Remedy remedy, List<TransitionRecord> history, bool firedByScheduler = false) =>
        new(remedy, history, new RemedyContext(true, Today, false, firedByScheduler));

    private static TransitionRequest Request(string trigger, params (string Name, string Value)[] arguments) =>
        new(trigger, "supplier", null, arguments.ToDictionary(a => a.Name, a => a.Value));

    private static PerformanceReview Performance(params (string Measure, decimal Committed, decimal Delivered)[] measures) =>
        new("contract", ContractStatus.Live, Now, 0.2m, true,
            [.. measures.Select(m => new MeasurePerformance(m.Measure, m.Measure, "FTE", m.Committed, m.Delivered, m.Delivered / m.Committed,
                m.Delivered < m.Committed * 0.8m))], []);

    private static SocialValueTerm Term(string measureId, decimal target) =>
        new(measureId, measureId, "FTE", "t", "T", "o", "O", target, 1, null, null, MeasureDirection.Increase, MeasureFigure.Quantity, TermKind.Kpi, null);
}
