using SocialValue.Errors;
using SocialValue.Maturity;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.Maturity;

public sealed class MaturityWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Advance_is_blocked_naming_the_actions_of_the_next_level_not_done()
    {
        var dimension = Dimension("C", MaturityLevel.Follower, MaturityLevel.Leader);

        var blocked = Assert.Single((await new MaturityWorkflow(dimension).GetTransitionsAsync()).Blocked);
        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() => new MaturityWorkflow(dimension).FireAsync(Request("Advance"), At));

        string[] reasons = ["2 actions to reach Mature in dimension C not done yet: c-mature-1, c-mature-2"];
        Assert.Equal("Advance", blocked.Trigger);
        Assert.Equal(reasons, blocked.Reasons);
        Assert.Equal(reasons, refused.Reasons);
        Assert.Equal(MaturityLevel.Follower, dimension.Present);
    }

    [Fact]
    public async Task Advance_at_the_target_with_its_actions_not_done_gives_both_reasons()
    {
        var dimension = Dimension("C", MaturityLevel.Follower, MaturityLevel.Follower);
        dimension.Actions = [new ActionState { Id = "c-mature-1" }];

        var blocked = Assert.Single((await new MaturityWorkflow(dimension).GetTransitionsAsync()).Blocked);

        Assert.Equal(
            [
                "Follower is the target of dimension C; raise the target to plan the actions to reach Mature",
                "1 action to reach Mature in dimension C not done yet: c-mature-1",
            ],
            blocked.Reasons);
    }

    [Fact]
    public async Task Advance_moves_one_level_once_every_action_of_that_level_is_done_and_plans_the_rest()
    {
        var dimension = Dimension("C", MaturityLevel.Follower, MaturityLevel.Leader);
        dimension.Actions.Where(a => a.Id.StartsWith("c-mature-", StringComparison.Ordinal)).ToList().ForEach(a => a.Status = ActionStatus.Done);
        var workflow = new MaturityWorkflow(dimension);

        Assert.Contains(new PermittedTransition("Advance", "Mature"), (await workflow.GetTransitionsAsync()).Permitted);
        var transition = await workflow.FireAsync(Request("Advance"), At);

        Assert.Equal((MaturityLevel.Follower, MaturityLevel.Mature), (transition.From, transition.To));
        Assert.Equal(MaturityLevel.Mature, dimension.Present);
        Assert.Equal([new TransitionRecord(At, "assessor", "Advance", "Follower", "Mature", null)], dimension.History);
        Assert.All(dimension.Actions, a => Assert.StartsWith("c-leader-", a.Id, StringComparison.Ordinal));
        Assert.NotEmpty(dimension.Actions);
    }

    [Fact]
    public async Task Advance_does_not_exist_at_Innovator()
    {
        var workflow = new MaturityWorkflow(Dimension("G", MaturityLevel.Innovator, MaturityLevel.Innovator));

        Assert.Equal([DimensionTrigger.Reassess], workflow.TriggersOf(MaturityLevel.Innovator));
        var refused = await Assert.ThrowsAsync<TransitionRefusedException>(() => workflow.FireAsync(Request("Advance"), At));
        Assert.Equal(["Advance is not permitted while in state Innovator; its triggers are Reassess"], refused.Reasons);
    }

    [Fact]
    public async Task Reassess_is_listed_as_leading_to_every_level()
    {
        var options = await new MaturityWorkflow(Dimension("A", MaturityLevel.Mature, MaturityLevel.Mature)).GetTransitionsAsync();

        Assert.Equal([new PermittedTransition("Reassess", "Incomplete|Follower|Mature|Leader|Innovator")], options.Permitted);
    }

    [Theory]
    [InlineData(MaturityLevel.Leader, "Incomplete", MaturityLevel.Leader)]
    [InlineData(MaturityLevel.Incomplete, "innovator", MaturityLevel.Innovator)]
    [InlineData(MaturityLevel.Mature, "Mature", MaturityLevel.Leader)]
    public async Task Reassess_moves_to_the_level_given_raising_the_target_above_it(MaturityLevel from, string level, MaturityLevel target)
    {
        var dimension = Dimension("A", from, MaturityLevel.Leader);
        var request = Request("Reassess", ("level", level), ("reason", "peer review")) with { Reason = "peer review" };

        await new MaturityWorkflow(dimension).FireAsync(request, At);

        var to = Enum.Parse<MaturityLevel>(level, ignoreCase: true);
        Assert.Equal((to, target), (dimension.Present, dimension.Target));
        Assert.Equal(MaturityPlan.Generate("A", to, target, []).Select(a => a.Id), dimension.Actions.Select(a => a.Id));
        Assert.Equal([new TransitionRecord(At, "assessor", "Reassess", from.ToString(), to.ToString(), "peer review")], dimension.History);
    }

    [Fact]
    public async Task Reassess_needs_a_known_level_and_a_reason()
    {
        var dimension = Dimension("A", MaturityLevel.Mature, MaturityLevel.Leader);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() =>
            new MaturityWorkflow(dimension).FireAsync(Request("Reassess", ("level", "Leader")), At));
        var unknownLevel = await Assert.ThrowsAsync<ValidationException>(() =>
            new MaturityWorkflow(dimension).FireAsync(Request("Reassess", ("level", "Expert"), ("reason", "x")), At));

        Assert.Equal(["reason"], noReason.Errors.Keys);
        Assert.Equal(["'Expert' is not a valid level; expected one of Incomplete, Follower, Mature, Leader, Innovator"], unknownLevel.Errors["level"]);
        Assert.Equal(MaturityLevel.Mature, dimension.Present);
        Assert.Empty(dimension.History);
    }

    [Fact]
    public void The_diagram_shows_each_advance_and_every_reassessment()
    {
        var diagram = MaturityWorkflow.Diagram.ToMermaid();

        var edges = diagram.Split('\n').Where(line => line.Contains(" --> ", StringComparison.Ordinal) && !line.Contains("[*]", StringComparison.Ordinal)).ToList();
        Assert.Contains("[*] --> Incomplete", diagram);
        Assert.Contains("Follower --> Mature : Advance", diagram);
        Assert.Contains("Innovator --> Incomplete : Reassess", diagram);
        Assert.Contains("[every action to reach Innovator is done]", diagram);
        Assert.DoesNotContain("Innovator --> Innovator : Advance", diagram);
        Assert.Equal(4, edges.Count(line => line.Contains(" : Advance", StringComparison.Ordinal)));
        Assert.Equal(25, edges.Count(line => line.Contains(" : Reassess", StringComparison.Ordinal)));
        Assert.Equal(4 + 25, edges.Count);
    }

    private static DimensionState Dimension(string code, MaturityLevel present, MaturityLevel target) =>
        new() { Code = code, Present = present, Target = target, Actions = MaturityPlan.Generate(code, present, target, []) };

    private static TransitionRequest Request(string trigger, params (string Name, string Value)[] arguments) =>
        new(trigger, "assessor", null, arguments.ToDictionary(a => a.Name, a => a.Value));
}
