using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.Contracts;

public sealed class ContractWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Workflow<ContractStatus, ContractTrigger, ContractState> Workflow = ContractWorkflow.Definition;

    [Fact]
    public void The_cycle_runs_from_Initiated_to_Completed_through_every_state_of_API_md()
    {
        var contract = new ContractState { OutcomeIds = ["o1"], Weighting = 0.3m, Bids = [ScoredBid("b1")], Terms = [Term()] };
        var state = Workflow.InitialState;
        var visited = new List<ContractStatus> { state };
        foreach (var (trigger, arguments) in new[]
        {
            ("AnalyseNeeds", Args()), ("Consult", Args()), ("Specify", Args()), ("PublishTender", Args()),
            ("CloseTender", Args()), ("Award", Args(("bidId", "b1"))), ("GoLive", Args()), ("Complete", Args()),
        })
        {
            state = Workflow.Fire(state, contract, Request(trigger, arguments), Now).To;
            visited.Add(state);
        }

        Assert.Equal(
            [ContractStatus.Initiated, ContractStatus.NeedsAnalysis, ContractStatus.Consultation, ContractStatus.Specification,
             ContractStatus.Tendering, ContractStatus.Evaluation, ContractStatus.Awarded, ContractStatus.Live, ContractStatus.Completed],
            visited);
    }

    [Fact]
    public void PublishTender_is_blocked_without_an_outcome_and_without_a_weighting_with_both_reasons()
    {
        var options = Workflow.GetTransitions(ContractStatus.Specification, new ContractState());

        var blocked = Assert.Single(options.Blocked);
        Assert.Equal("PublishTender", blocked.Trigger);
        Assert.Equal([ContractWorkflow.NeedsOutcome, ContractWorkflow.NeedsWeighting], blocked.Reasons);
        var refused = Assert.Throws<TransitionRefusedException>(() =>
            Workflow.Fire(ContractStatus.Specification, new ContractState { Weighting = 0.1m }, Request("PublishTender"), Now));
        Assert.Equal([ContractWorkflow.NeedsOutcome], refused.Reasons);
    }

    [Fact]
    public void CloseTender_is_blocked_until_a_bid_arrives()
    {
        var blocked = Assert.Single(Workflow.GetTransitions(ContractStatus.Tendering, new ContractState()).Blocked);

        Assert.Equal(("CloseTender", ContractWorkflow.NeedsBid), (blocked.Trigger, Assert.Single(blocked.Reasons)));
    }

    [Fact]
    public void Award_needs_a_scored_bid_and_must_name_one()
    {
        var unscored = new ContractState { Bids = [ScoredBid("b1") with { Scores = null }] };
        var blocked = Assert.Single(Workflow.GetTransitions(ContractStatus.Evaluation, unscored).Blocked);
        Assert.Equal(("Award", ContractWorkflow.NeedsScoredBid), (blocked.Trigger, Assert.Single(blocked.Reasons)));

        var scored = new ContractState { Bids = [ScoredBid("b1"), ScoredBid("b2") with { Scores = null }] };
        Assert.Contains(Workflow.GetTransitions(ContractStatus.Evaluation, scored).Permitted, p => p.Trigger == "Award");
        var namesUnscored = Assert.Throws<TransitionRefusedException>(() =>
            Workflow.Fire(ContractStatus.Evaluation, scored, Request("Award", Args(("bidId", "b2"))), Now));
        Assert.Equal([ContractWorkflow.AwardNamesScoredBid], namesUnscored.Reasons);
        var missing = Assert.Throws<ValidationException>(() => Workflow.Fire(ContractStatus.Evaluation, scored, Request("Award"), Now));
        Assert.Contains("bidId", missing.Errors.Keys);
    }

    [Fact]
    public void GoLive_is_blocked_without_commitments()
    {
        var blocked = Assert.Single(Workflow.GetTransitions(ContractStatus.Awarded, new ContractState()).Blocked);

        Assert.Equal(("GoLive", ContractWorkflow.NeedsCommitments), (blocked.Trigger, Assert.Single(blocked.Reasons)));
    }

    [Theory]
    [InlineData(ContractStatus.Initiated, true)]
    [InlineData(ContractStatus.Specification, true)]
    [InlineData(ContractStatus.Evaluation, true)]
    [InlineData(ContractStatus.Awarded, false)]
    [InlineData(ContractStatus.Live, false)]
    [InlineData(ContractStatus.Completed, false)]
    public void Cancel_is_a_trigger_only_before_Awarded_and_needs_a_reason(ContractStatus state, bool permitted)
    {
        var request = Request("Cancel", Args(("reason", "the service is no longer needed")));

        if (permitted)
        {
            Assert.Equal(ContractStatus.Cancelled, Workflow.Fire(state, new ContractState(), request, Now).To);
            Assert.Throws<ValidationException>(() => Workflow.Fire(state, new ContractState(), Request("Cancel"), Now));
        }
        else
        {
            var refused = Assert.Throws<TransitionRefusedException>(() => Workflow.Fire(state, new ContractState(), request, Now));
            Assert.Contains($"Cancel is not permitted while in state {state}", refused.Reasons[0]);
        }
    }

    [Fact]
    public void Terminate_leaves_only_Live_and_needs_a_reason()
    {
        Assert.Equal(ContractStatus.Terminated,
            Workflow.Fire(ContractStatus.Live, new ContractState(), Request("Terminate", Args(("reason", "breach of the break clause"))), Now).To);
        Assert.Throws<ValidationException>(() => Workflow.Fire(ContractStatus.Live, new ContractState(), Request("Terminate"), Now));
        Assert.Throws<TransitionRefusedException>(() =>
            Workflow.Fire(ContractStatus.Awarded, new ContractState(), Request("Terminate", Args(("reason", "r"))), Now));
    }

    [Fact]
    public void The_diagram_has_every_edge_of_API_md_and_no_other()
    {
        var mermaid = Workflow.ToMermaid();

        var edges = mermaid.Split('\n').Count(l => l.Contains(" : ", StringComparison.Ordinal));
        Assert.Equal(8 + 6 + 1, edges);
        Assert.Contains("Live --> Terminated : Terminate", mermaid);
        Assert.DoesNotContain("Awarded --> Cancelled", mermaid);
    }

    [Theory]
    [InlineData("2026-Q1", true)]
    [InlineData("2026-Q4", true)]
    [InlineData("2026-Q5", false)]
    [InlineData("2026-q1", false)]
    [InlineData("26-Q1", false)]
    [InlineData("2026Q1", false)]
    public void Periods_are_quarters_written_YYYY_Qn(string text, bool valid) =>
        Assert.Equal(valid, Quarter.TryParse(text, out _));

    [Fact]
    public void Quarters_follow_each_other_and_start_on_their_first_day()
    {
        Assert.Equal(new Quarter(2027, 1), new Quarter(2026, 4).Next());
        Assert.Equal(new DateOnly(2026, 7, 1), new Quarter(2026, 3).Start);
        Assert.Equal(new Quarter(2026, 2), Quarter.Of(new DateOnly(2026, 6, 30)));
    }

    private static BidDetails ScoredBid(string id) =>
        new(id, "Supplier", null, 100, [new Commitment("m1", 5)], new BidAnswers("d", "m"), Now, new BidScores(4, 3), 0.7m, 0.21m, 1, "officer");

    private static SocialValueTerm Term() => new("m1", "Jobs", "number", "t1", "Theme", "o1", "Outcome", 5, 1, 500, null);

    private static Dictionary<string, string> Args(params (string Name, string Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => a.Value);

    private static TransitionRequest Request(string trigger, Dictionary<string, string>? arguments = null) =>
        new(trigger, "officer", arguments?.GetValueOrDefault("reason"), arguments ?? []);
}
