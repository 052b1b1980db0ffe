using SocialValue.Errors;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.Workflow;

public sealed class WorkflowTests
{
    private const string NeedsOutcome = "a tender needs at least one outcome in the specification";
    private const string NeedsWeighting = "a tender needs a social value weighting";
    private const string NeedsABid = "a tender closes only once a bid has arrived";
    private const string NeedsAScoredBid = "at least one bid must be scored";
    private const string WinnerMustBeScored = "the winning bid must be scored";
    private const string ActionsMustBeDone = "every action of the next level must be done";

    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private static readonly Workflow<TenderState, TenderTrigger, Tender> TenderWorkflow = BuildTenderWorkflow();
    private static readonly Workflow<Level, LevelTrigger, LevelFacts> LevelWorkflow = BuildLevelWorkflow();

    private static readonly Tender ReadyToPublish = new(Outcomes: 2, Weighting: 0.2m, Bids: 0, ScoredBids: []);
    private static readonly Tender ScoredBidB1 = new(Outcomes: 2, Weighting: 0.2m, Bids: 2, ScoredBids: ["b1"]);

    private enum TenderState { Draft, Tendering, Evaluation, Awarded, Cancelled }

    private enum TenderTrigger { Publish, Close, Award, Cancel }

    private enum Level { Incomplete, Follower, Mature }

    private enum LevelTrigger { Advance, Reassess }

    [Fact]
    public void Permit_moves_to_the_configured_state()
    {
        var transition = TenderWorkflow.Fire(TenderState.Draft, TenderTrigger.Cancel, ReadyToPublish, Request("Cancel"), Now);

        Assert.Equal(TenderState.Draft, transition.From);
        Assert.Equal(TenderState.Cancelled, transition.To);
    }

    [Fact]
    public void PermitIf_fires_when_every_guard_holds()
    {
        var transition = TenderWorkflow.Fire(TenderState.Draft, TenderTrigger.Publish, ReadyToPublish, Request("Publish"), Now);

        Assert.Equal(TenderState.Tendering, transition.To);
    }

    [Fact]
    public void PermitIf_refuses_with_the_guard_reason_verbatim()
    {
        var tender = ReadyToPublish with { Outcomes = 0 };

        var refused = Assert.Throws<TransitionRefusedException>(
            () => TenderWorkflow.Fire(TenderState.Draft, TenderTrigger.Publish, tender, Request("Publish"), Now));

        Assert.Equal("Publish", refused.Trigger);
        Assert.Equal("Draft", refused.State);
        Assert.Equal([NeedsOutcome], refused.Reasons);
    }

    [Fact]
    public void A_guard_may_word_its_reason_from_the_context_when_listed_and_when_fired()
    {
        var workflow = new Workflow<TenderState, TenderTrigger, Tender>("Worded");
        workflow.Configure(TenderState.Draft)
            .Permit(TenderTrigger.Publish, TenderState.Tendering)
            .Guard(TenderTrigger.Publish, tender => tender.Outcomes >= 3, tender => $"{3 - tender.Outcomes} more outcomes are needed");

        var listed = workflow.GetTransitions(TenderState.Draft, ReadyToPublish);
        var refused = Assert.Throws<TransitionRefusedException>(
            () => workflow.Fire(TenderState.Draft, TenderTrigger.Publish, ReadyToPublish with { Outcomes = 0 }, Request("Publish"), Now));

        Assert.Equal(["1 more outcomes are needed"], Assert.Single(listed.Blocked).Reasons);
        Assert.Equal(["3 more outcomes are needed"], refused.Reasons);
    }

    [Fact]
    public void Every_failing_guard_is_reported_in_configuration_order()
    {
        var tender = ReadyToPublish with { Outcomes = 0, Weighting = null };

        var refused = Assert.Throws<TransitionRefusedException>(
            () => TenderWorkflow.Fire(TenderState.Draft, TenderTrigger.Publish, tender, Request("Publish"), Now));

        Assert.Equal([NeedsOutcome, NeedsWeighting], refused.Reasons);
    }

    [Theory]
    [InlineData("bidId")]
    [InlineData("BIDID")]
    public void Argument_guard_permits_the_named_scored_bid_whatever_the_case_of_the_argument_name(string argument)
    {
        var transition = TenderWorkflow.Fire(
            TenderState.Evaluation, TenderTrigger.Award, ScoredBidB1, Request("Award", (argument, "b1")), Now);

        Assert.Equal(TenderState.Awarded, transition.To);
    }

    [Fact]
    public void Argument_guard_refuses_a_bid_that_is_not_scored()
    {
        var refused = Assert.Throws<TransitionRefusedException>(() => TenderWorkflow.Fire(
            TenderState.Evaluation, TenderTrigger.Award, ScoredBidB1, Request("Award", ("bidId", "b2")), Now));

        Assert.Equal([WinnerMustBeScored], refused.Reasons);
    }

    [Fact]
    public void Context_and_argument_guards_that_fail_are_reported_together()
    {
        var nothingScored = ScoredBidB1 with { ScoredBids = [] };

        var refused = Assert.Throws<TransitionRefusedException>(() => TenderWorkflow.Fire(
            TenderState.Evaluation, TenderTrigger.Award, nothingScored, Request("Award", ("bidId", "b1")), Now));

        Assert.Equal([NeedsAScoredBid, WinnerMustBeScored], refused.Reasons);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_required_argument_is_a_validation_error_naming_it(string? bidId)
    {
        var request = bidId is null ? Request("Award") : Request("Award", ("bidId", bidId));

        var invalid = Assert.Throws<ValidationException>(
            () => TenderWorkflow.Fire(TenderState.Evaluation, TenderTrigger.Award, ScoredBidB1, request, Now));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("bidId", error.Key);
        Assert.Equal(["bidId is required"], error.Value);
    }

    [Theory]
    [InlineData("Expert")]
    [InlineData("1")]
    public void Unknown_enum_argument_is_a_validation_error_listing_the_allowed_names(string level)
    {
        var invalid = Assert.Throws<ValidationException>(() => LevelWorkflow.Fire(
            Level.Follower, LevelTrigger.Reassess, new LevelFacts(Level.Mature, ActionsDone: true), Request("Reassess", ("level", level)), Now));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("level", error.Key);
        Assert.Equal([$"'{level}' is not a valid level; expected one of Incomplete, Follower, Mature"], error.Value);
    }

    [Fact]
    public void Trigger_not_configured_for_the_state_is_refused_with_the_triggers_it_has()
    {
        var refused = Assert.Throws<TransitionRefusedException>(
            () => TenderWorkflow.Fire(TenderState.Draft, TenderTrigger.Award, ScoredBidB1, Request("Award", ("bidId", "b1")), Now));

        Assert.Equal("Award", refused.Trigger);
        Assert.Equal(["Award is not permitted while in state Draft; its triggers are Publish, Cancel"], refused.Reasons);
    }

    [Fact]
    public void Any_trigger_in_a_final_state_is_refused_saying_the_state_is_final()
    {
        var refused = Assert.Throws<TransitionRefusedException>(
            () => TenderWorkflow.Fire(TenderState.Awarded, TenderTrigger.Cancel, ScoredBidB1, Request("Cancel"), Now));

        Assert.Equal(["Cancel is not permitted while in state Awarded, which is final"], refused.Reasons);
    }

    [Fact]
    public void GetTransitions_lists_permitted_and_blocked_triggers_with_every_reason()
    {
        var options = TenderWorkflow.GetTransitions(TenderState.Draft, ReadyToPublish with { Outcomes = 0, Weighting = null });

        Assert.Equal("Draft", options.State);
        Assert.Equal([new PermittedTransition("Cancel", "Cancelled")], options.Permitted);
        var blocked = Assert.Single(options.Blocked);
        Assert.Equal("Publish", blocked.Trigger);
        Assert.Equal([NeedsOutcome, NeedsWeighting], blocked.Reasons);
    }

    [Fact]
    public void GetTransitions_lists_only_the_triggers_of_the_state_in_enum_order()
    {
        var options = TenderWorkflow.GetTransitions(TenderState.Tendering, ReadyToPublish with { Bids = 1 });

        Assert.Equal(
            [new PermittedTransition("Close", "Evaluation"), new PermittedTransition("Cancel", "Cancelled")],
            options.Permitted);
        Assert.Empty(options.Blocked);
    }

    [Fact]
    public void GetTransitions_judges_context_guards_but_leaves_argument_guards_to_firing()
    {
        var permitted = TenderWorkflow.GetTransitions(TenderState.Evaluation, ScoredBidB1);
        var blocked = TenderWorkflow.GetTransitions(TenderState.Evaluation, ScoredBidB1 with { ScoredBids = [] });

        Assert.Contains(new PermittedTransition("Award", "Awarded"), permitted.Permitted);
        var award = Assert.Single(blocked.Blocked);
        Assert.Equal([NeedsAScoredBid], award.Reasons);
    }

    [Fact]
    public void GetTransitions_of_a_final_state_is_empty()
    {
        var options = TenderWorkflow.GetTransitions(TenderState.Cancelled, ReadyToPublish);

        Assert.Equal("Cancelled", options.State);
        Assert.Empty(options.Permitted);
        Assert.Empty(options.Blocked);
    }

    [Fact]
    public void Dynamic_destination_is_computed_from_the_arguments()
    {
        var transition = LevelWorkflow.Fire(
            Level.Follower, LevelTrigger.Reassess, new LevelFacts(Level.Mature, ActionsDone: false), Request("Reassess", ("level", "incomplete")), Now);

        Assert.Equal(Level.Follower, transition.From);
        Assert.Equal(Level.Incomplete, transition.To);
    }

    [Fact]
    public void Dynamic_destination_is_computed_from_the_context()
    {
        var transition = LevelWorkflow.Fire(
            Level.Incomplete, LevelTrigger.Advance, new LevelFacts(Level.Follower, ActionsDone: true), Request("Advance"), Now);

        Assert.Equal(Level.Follower, transition.To);
    }

    [Fact]
    public void Dynamic_destination_outside_the_declared_ones_is_a_definition_error()
    {
        Assert.Throws<InvalidOperationException>(() => LevelWorkflow.Fire(
            Level.Incomplete, LevelTrigger.Advance, new LevelFacts(Level.Incomplete, ActionsDone: true), Request("Advance"), Now));
    }

    [Fact]
    public void GetTransitions_shows_a_dynamic_destination_when_known_and_every_possible_one_otherwise()
    {
        var options = LevelWorkflow.GetTransitions(Level.Incomplete, new LevelFacts(Level.Follower, ActionsDone: true));

        Assert.Equal(
            [new PermittedTransition("Advance", "Follower"), new PermittedTransition("Reassess", "Incomplete|Follower|Mature")],
            options.Permitted);
    }

    [Fact]
    public void Fired_transition_records_time_actor_trigger_states_and_reason()
    {
        var request = new TransitionRequest("reassess", "officer@walsall", "external review", Arguments(("level", "Mature")));

        var transition = LevelWorkflow.Fire(Level.Incomplete, LevelTrigger.Reassess, new LevelFacts(Level.Follower, ActionsDone: false), request, Now);

        Assert.Equal(
            new TransitionRecord(Now, "officer@walsall", "Reassess", "Incomplete", "Mature", "external review"),
            transition.Record);
    }

    [Fact]
    public void Configuring_a_trigger_twice_on_a_state_throws()
    {
        var workflow = new Workflow<TenderState, TenderTrigger, Tender>("Twice");
        var draft = workflow.Configure(TenderState.Draft).Permit(TenderTrigger.Cancel, TenderState.Cancelled);

        Assert.Throws<InvalidOperationException>(() => draft.Permit(TenderTrigger.Cancel, TenderState.Awarded));
        Assert.Throws<InvalidOperationException>(
            () => workflow.Configure(TenderState.Draft).PermitDynamic(TenderTrigger.Cancel, (_, _) => TenderState.Cancelled, TenderState.Cancelled));
    }

    [Fact]
    public void The_same_trigger_may_be_configured_on_different_states()
    {
        var workflow = new Workflow<TenderState, TenderTrigger, Tender>("Cancellable");
        workflow.Configure(TenderState.Draft).Permit(TenderTrigger.Cancel, TenderState.Cancelled);
        workflow.Configure(TenderState.Tendering).Permit(TenderTrigger.Cancel, TenderState.Cancelled);

        Assert.Equal([TenderTrigger.Cancel], workflow.TriggersOf(TenderState.Tendering));
    }

    [Fact]
    public void Guarding_a_trigger_the_state_does_not_have_throws()
    {
        var draft = new Workflow<TenderState, TenderTrigger, Tender>("Unguarded").Configure(TenderState.Draft);

        Assert.Throws<InvalidOperationException>(() => draft.Guard(TenderTrigger.Publish, _ => true, "never"));
    }

    [Fact]
    public void Requiring_the_arguments_of_a_trigger_twice_throws()
    {
        var workflow = new Workflow<TenderState, TenderTrigger, Tender>("Arguments").RequireArguments(TenderTrigger.Award, "bidId");

        Assert.Throws<InvalidOperationException>(() => workflow.RequireArguments(TenderTrigger.Award, "supplier"));
    }

    [Fact]
    public void Mermaid_draws_every_edge_with_initial_and_final_states()
    {
        const string expected = """
            ---
            title: Mini tender
            ---
            stateDiagram-v2
                [*] --> Draft
                Draft --> Tendering : Publish
                Draft --> Cancelled : Cancel
                Tendering --> Evaluation : Close
                Tendering --> Cancelled : Cancel
                Evaluation --> Awarded : Award
                Evaluation --> Cancelled : Cancel
                Awarded --> [*]
                Cancelled --> [*]

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), TenderWorkflow.ToMermaid());
    }

    [Fact]
    public void Mermaid_draws_one_edge_per_possible_destination_of_a_dynamic_trigger()
    {
        var lines = LevelWorkflow.ToMermaid().Split('\n');

        Assert.Equal(
            [
                "    Incomplete --> Follower : Advance",
                "    Incomplete --> Mature : Advance",
                "    Incomplete --> Incomplete : Reassess",
                "    Incomplete --> Follower : Reassess",
                "    Incomplete --> Mature : Reassess",
            ],
            lines.Where(line => line.StartsWith("    Incomplete -->", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, line => line.EndsWith("--> [*]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Publish")]
    [InlineData("publish")]
    [InlineData("PUBLISH")]
    public void TryParseTrigger_ignores_case(string name)
    {
        Assert.True(TenderWorkflow.TryParseTrigger(name, out var trigger));
        Assert.Equal(TenderTrigger.Publish, trigger);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Pub")]
    [InlineData("0")]
    [InlineData("Publish, Close")]
    public void TryParseTrigger_refuses_anything_but_a_name(string name)
    {
        Assert.False(TenderWorkflow.TryParseTrigger(name, out _));
    }

    [Fact]
    public void InitialState_is_the_first_state_configured()
    {
        Assert.Equal(TenderState.Draft, TenderWorkflow.InitialState);
    }

    private static Workflow<TenderState, TenderTrigger, Tender> BuildTenderWorkflow()
    {
        var workflow = new Workflow<TenderState, TenderTrigger, Tender>("Mini tender")
            .RequireArguments(TenderTrigger.Award, "bidId");
        workflow.Configure(TenderState.Draft)
            .PermitIf(TenderTrigger.Publish, TenderState.Tendering, tender => tender.Outcomes > 0, NeedsOutcome)
            .Guard(TenderTrigger.Publish, tender => tender.Weighting is not null, NeedsWeighting)
            .Permit(TenderTrigger.Cancel, TenderState.Cancelled);
        workflow.Configure(TenderState.Tendering)
            .Permit(TenderTrigger.Cancel, TenderState.Cancelled)
            .PermitIf(TenderTrigger.Close, TenderState.Evaluation, tender => tender.Bids > 0, NeedsABid);
        workflow.Configure(TenderState.Evaluation)
            .PermitIf(TenderTrigger.Award, TenderState.Awarded, tender => tender.ScoredBids.Count > 0, NeedsAScoredBid)
            .Guard(TenderTrigger.Award, (tender, arguments) => tender.ScoredBids.Contains(arguments.Get("bidId")), WinnerMustBeScored)
            .Permit(TenderTrigger.Cancel, TenderState.Cancelled);
        workflow.Configure(TenderState.Awarded);
        return workflow;
    }

    private static Workflow<Level, LevelTrigger, LevelFacts> BuildLevelWorkflow()
    {
        var workflow = new Workflow<Level, LevelTrigger, LevelFacts>("Maturity level")
            .RequireArguments(LevelTrigger.Reassess, "level");
        foreach (var level in Enum.GetValues<Level>())
        {
            var state = workflow.Configure(level)
                .PermitDynamic(LevelTrigger.Reassess, (_, arguments) => arguments.GetEnum<Level>("level"), Enum.GetValues<Level>());
            Level[] above = [.. Enum.GetValues<Level>().Where(other => other > level)];
            if (above.Length > 0)
            {
                // Advance's destination comes from the context, not an argument, so a listing can show it.
                state.PermitDynamic(LevelTrigger.Advance, (facts, _) => facts.Next, above)
                    .Guard(LevelTrigger.Advance, facts => facts.ActionsDone, ActionsMustBeDone);
            }
        }

        return workflow;
    }

    private static TransitionRequest Request(string trigger, params (string Name, string Value)[] arguments) =>
        new(trigger, "tester", Reason: null, Arguments(arguments));

    private static Dictionary<string, string> Arguments(params (string Name, string Value)[] arguments) =>
        arguments.ToDictionary(argument => argument.Name, argument => argument.Value);

    private sealed record Tender(int Outcomes, decimal? Weighting, int Bids, IReadOnlyCollection<string> ScoredBids);

    private sealed record LevelFacts(Level Next, bool ActionsDone);
}
