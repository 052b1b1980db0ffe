using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.Contracts;

public sealed class ContractWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<string> _effects = [];

    [Fact]
    public async Task The_cycle_runs_from_Initiated_to_Completed_through_every_state_of_API_md_recording_each_step()
    {
        var contract = new ContractState { OutcomeIds = ["o1"], Weighting = 0.3m, Bids = [ScoredBid("b1")], Terms = [Term()] };
        var workflow = Workflow(contract);
        var visited = new List<ContractStatus> { contract.Status };
        foreach (var (trigger, arguments) in new[]
        {
            ("AnalyseNeeds", Args()), ("Consult", Args()), ("Specify", Args()), ("PublishTender", Args()),
            ("CloseTender", Args()), ("Award", Args(("bidId", "b1"))), ("GoLive", Args()), ("Complete", Args()),
        })
        {
            await workflow.FireAsync(Request(trigger, arguments), Now);
            visited.Add(contract.Status);
        }

        ContractStatus[] cycle =
        [
            ContractStatus.Initiated, ContractStatus.NeedsAnalysis, ContractStatus.Consultation, ContractStatus.Specification,
            ContractStatus.Tendering, ContractStatus.Evaluation, ContractStatus.Awarded, ContractStatus.Live, ContractStatus.Completed,
        ];
        Assert.Equal(cycle, visited);
        Assert.Equal(cycle.Skip(1).Select(s => s.ToString()), contract.History.Select(h => h.To));
        Assert.Equal(cycle.SkipLast(1).Select(s => s.ToString()), contract.History.Select(h => h.From));
        Assert.Equal(ContractStatus.Initiated, workflow.InitialState);
    }

    [Fact]
    public async Task A_fired_trigger_writes_the_history_entry_into_the_contract_and_returns_it()
    {
        var contract = new ContractState { Status = ContractStatus.Live };
        var request = new TransitionRequest("terminate", "officer@walsall", "breach of the break clause", Args(("reason", "breach of the break clause")));

        var transition = await Workflow(contract).FireAsync(request, Now);

        var expected = new TransitionRecord(Now, "officer@walsall", "Terminate", "Live", "Terminated", "breach of the break clause");
        Assert.Equal([expected], contract.History);
        Assert.Equal(new WorkflowTransition<ContractStatus>(ContractStatus.Live, ContractStatus.Terminated, expected), transition);
        Assert.Equal(ContractStatus.Terminated, contract.Status);
    }

    [Fact]
    public async Task The_listing_gives_the_permitted_triggers_in_enum_order_with_where_they_lead()
    {
        var options = await Workflow(new ContractState()).GetTransitionsAsync();

        Assert.Equal("Initiated", options.State);
        Assert.Equal([new PermittedTransition("AnalyseNeeds", "NeedsAnalysis"), new PermittedTransition("Cancel", "Cancelled")], options.Permitted);
        Assert.Empty(options.Blocked);
    }

    [Fact]
    public async Task PublishTender_is_blocked_without_an_outcome_and_without_a_weighting_with_both_reasons()
    {
        var options = await Workflow(new ContractState { Status = ContractStatus.Specification }).GetTransitionsAsync();

        var blocked = Assert.Single(options.Blocked);
        Assert.Equal("PublishTender", blocked.Trigger);
        Assert.Equal([ContractWorkflow.NeedsOutcome, ContractWorkflow.NeedsWeighting], blocked.Reasons);
        Assert.Equal([new PermittedTransition("Cancel", "Cancelled")], options.Permitted);
    }

    [Fact]
    public async Task A_refused_trigger_gives_its_reasons_and_changes_nothing()
    {
        var contract = new ContractState { Status = ContractStatus.Specification, Weighting = 0.1m };

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() => Workflow(contract).FireAsync(Request("PublishTender"), Now));

        Assert.Equal(("PublishTender", "Specification"), (refused.Trigger, refused.State));
        Assert.Equal([ContractWorkflow.NeedsOutcome], refused.Reasons);
        Assert.Equal(ContractStatus.Specification, contract.Status);
        Assert.Empty(contract.History);
        Assert.Empty(_effects);
    }

    [Fact]
    public async Task CloseTender_is_blocked_until_a_bid_arrives()
    {
        var blocked = Assert.Single((await Workflow(new ContractState { Status = ContractStatus.Tendering }).GetTransitionsAsync()).Blocked);

        Assert.Equal(("CloseTender", ContractWorkflow.NeedsBid), (blocked.Trigger, Assert.Single(blocked.Reasons)));
    }

    [Fact]
    public async Task Award_is_listed_by_its_argument_free_guard()
    {
        var unscored = new ContractState { Status = ContractStatus.Evaluation, Bids = [ScoredBid("b1") with { Scores = null }] };
        var scored = new ContractState { Status = ContractStatus.Evaluation, Bids = [ScoredBid("b1"), ScoredBid("b2") with { Scores = null }] };

        var blocked = Assert.Single((await Workflow(unscored).GetTransitionsAsync()).Blocked);
        var permitted = (await Workflow(scored).GetTransitionsAsync()).Permitted;

        Assert.Equal(("Award", ContractWorkflow.NeedsScoredBid), (blocked.Trigger, Assert.Single(blocked.Reasons)));
        Assert.Contains(new PermittedTransition("Award", "Awarded"), permitted);
    }

    [Fact]
    public async Task Award_naming_an_unscored_bid_is_refused_when_fired_with_its_reason()
    {
        var contract = new ContractState { Status = ContractStatus.Evaluation, Bids = [ScoredBid("b1"), ScoredBid("b2") with { Scores = null }] };

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            Workflow(contract).FireAsync(Request("Award", Args(("bidId", "b2"))), Now));

        Assert.Equal([ContractWorkflow.AwardNamesScoredBid], refused.Reasons);
        Assert.Equal(ContractStatus.Evaluation, contract.Status);
        Assert.Empty(_effects);
    }

    [Fact]
    public async Task Award_with_nothing_scored_gives_both_reasons_when_fired()
    {
        var contract = new ContractState { Status = ContractStatus.Evaluation, Bids = [ScoredBid("b1") with { Scores = null }] };

        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            Workflow(contract).FireAsync(Request("Award", Args(("bidId", "b1"))), Now));

        Assert.Equal([ContractWorkflow.NeedsScoredBid, ContractWorkflow.AwardNamesScoredBid], refused.Reasons);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Award_without_a_bid_id_is_a_validation_error_naming_it(string? bidId)
    {
        var contract = new ContractState { Status = ContractStatus.Evaluation, Bids = [ScoredBid("b1")] };

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            Workflow(contract).FireAsync(Request("Award", bidId is null ? Args() : Args(("bidId", bidId))), Now));

        Assert.Equal(["bidId is required"], invalid.Errors["bidId"]);
        Assert.Equal(ContractStatus.Evaluation, contract.Status);
    }

    [Fact]
    public async Task Entering_Awarded_copies_the_named_bids_commitments_through_the_grain()
    {
        var contract = new ContractState { Status = ContractStatus.Evaluation, Bids = [ScoredBid("b1"), ScoredBid("b2")] };

        await Workflow(contract).FireAsync(Request("Award", Args(("BIDID", "b2"))), Now);

        Assert.Equal(["award b2"], _effects);
        Assert.Equal(ContractStatus.Awarded, contract.Status);
        Assert.Single(contract.Terms);
    }

    [Fact]
    public async Task Entering_Tendering_fixes_the_score_formula_version()
    {
        var contract = new ContractState { Status = ContractStatus.Specification, OutcomeIds = ["o1"], Weighting = 0.2m };

        await Workflow(contract).FireAsync(Request("PublishTender"), Now);

        Assert.Equal(7, contract.ScoreFormulaVersion);
    }

    [Fact]
    public async Task Entering_Live_starts_the_contract_at_the_time_fired()
    {
        var contract = new ContractState { Status = ContractStatus.Awarded, Terms = [Term()] };

        await Workflow(contract).FireAsync(Request("GoLive"), Now);

        Assert.Equal([$"go live {Now:O}"], _effects);
    }

    [Fact]
    public async Task A_failing_entry_action_leaves_the_state_and_history_as_they_were()
    {
        var contract = new ContractState { Status = ContractStatus.Evaluation, Bids = [ScoredBid("b1")] };
        var failing = new ContractWorkflow(contract, new ContractEffects(
            () => Task.FromResult(1), _ => throw new InvalidOperationException("the framework is unavailable"), _ => { }));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.FireAsync(Request("Award", Args(("bidId", "b1"))), Now));

        Assert.Equal(ContractStatus.Evaluation, contract.Status);
        Assert.Empty(contract.History);
    }

    [Fact]
    public async Task GoLive_is_blocked_without_commitments()
    {
        var blocked = Assert.Single((await Workflow(new ContractState { Status = ContractStatus.Awarded }).GetTransitionsAsync()).Blocked);

        Assert.Equal(("GoLive", ContractWorkflow.NeedsCommitments), (blocked.Trigger, Assert.Single(blocked.Reasons)));
    }

    [Theory]
    [InlineData(ContractStatus.Initiated, true)]
    [InlineData(ContractStatus.Specification, true)]
    [InlineData(ContractStatus.Evaluation, true)]
    [InlineData(ContractStatus.Awarded, false)]
    [InlineData(ContractStatus.Live, false)]
    [InlineData(ContractStatus.Completed, false)]
    public async Task Cancel_is_a_trigger_only_before_Awarded_and_needs_a_reason(ContractStatus state, bool permitted)
    {
        var request = Request("Cancel", Args(("reason", "the service is no longer needed")));

        if (permitted)
        {
            await Assert.ThrowsAsync<ValidationException>(() => Workflow(new ContractState { Status = state }).FireAsync(Request("Cancel"), Now));
            var contract = new ContractState { Status = state };
            await Workflow(contract).FireAsync(request, Now);
            Assert.Equal(ContractStatus.Cancelled, contract.Status);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() => Workflow(new ContractState { Status = state }).FireAsync(request, Now));
            Assert.StartsWith($"Cancel is not permitted while in state {state}", Assert.Single(refused.Reasons));
        }
    }

    [Fact]
    public async Task A_trigger_of_no_transition_from_the_state_names_the_triggers_it_has_or_that_it_is_final()
    {
        var notHere = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            Workflow(new ContractState { Status = ContractStatus.Awarded }).FireAsync(Request("Terminate", Args(("reason", "r"))), Now));
        var final = await Assert.ThrowsAsync<TransitionRefusedException>(() =>
            Workflow(new ContractState { Status = ContractStatus.Terminated }).FireAsync(Request("Complete"), Now));

        Assert.Equal(["Terminate is not permitted while in state Awarded; its triggers are GoLive"], notHere.Reasons);
        Assert.Equal(["Complete is not permitted while in state Terminated, which is final"], final.Reasons);
        Assert.Empty((await Workflow(new ContractState { Status = ContractStatus.Terminated }).GetTransitionsAsync()).Permitted);
    }

    [Theory]
    [InlineData("Fly")]
    [InlineData("3")]
    [InlineData("GoLive, Complete")]
    public async Task A_name_that_is_no_trigger_is_a_validation_error_listing_the_triggers(string name)
    {
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Workflow(new ContractState()).FireAsync(Request(name), Now));

        Assert.Contains("its triggers are AnalyseNeeds, Consult, Specify", Assert.Single(invalid.Errors["trigger"]));
    }

    [Fact]
    public void The_diagram_has_every_edge_of_API_md_with_its_guards_and_no_other()
    {
        var mermaid = ContractWorkflow.Diagram.ToMermaid();

        var edges = mermaid.Split('\n').Where(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal));
        Assert.Equal(8 + 6 + 1, edges.Count());
        Assert.StartsWith("---\ntitle: Commissioning cycle\n---\nstateDiagram-v2\n", mermaid);
        Assert.Contains("[*] --> Initiated", mermaid);
        Assert.Contains("Live --> Terminated : Terminate", mermaid);
        Assert.Contains($"Specification --> Tendering : PublishTender / fix the score formula version [{ContractWorkflow.NeedsOutcome}] [{ContractWorkflow.NeedsWeighting}]", mermaid);
        Assert.Contains("Evaluation --> Awarded : Award", mermaid);
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

    // Effects as the grain supplies them, recorded; the award copies one term, as AwardAsync would.
    private ContractWorkflow Workflow(ContractState contract) => new(contract, new ContractEffects(
        () => Task.FromResult(7),
        bidId =>
        {
            _effects.Add($"award {bidId}");
            contract.Terms = [Term()];
            return Task.CompletedTask;
        },
        at => _effects.Add($"go live {at:O}")));

    private static BidDetails ScoredBid(string id) =>
        new(id, "Supplier", null, 100, [new Commitment("m1", 5)], new BidAnswers("d", "m"), Now, new BidScores(4, 3), 0.7m, 0.21m, 1, "officer");

    private static SocialValueTerm Term() => new("m1", "Jobs", "number", "t1", "Theme", "o1", "Outcome", 5, 1, 500, null);

    private static Dictionary<string, string> Args(params (string Name, string Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => a.Value);

    private static TransitionRequest Request(string trigger, Dictionary<string, string>? arguments = null) =>
        new(trigger, "officer", arguments?.GetValueOrDefault("reason"), arguments ?? []);
}
