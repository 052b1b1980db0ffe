using SocialValue.Errors;
using SocialValue.Maturity;
using SocialValue.Workflow;

namespace SocialValue.Grains.Tests.Maturity;

public sealed class MaturityWorkflowTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static Workflow<MaturityLevel, DimensionTrigger, DimensionContext> Workflow => MaturityWorkflow.Definition;

    [Fact]
    public void Advance_is_blocked_naming_the_actions_of_the_next_level_not_done()
    {
        var plan = MaturityPlan.Generate("C", MaturityLevel.Follower, MaturityLevel.Leader, []);

        var refused = Assert.Throws<TransitionRefusedException>(() =>
            Workflow.Fire(MaturityLevel.Follower, new DimensionContext("C", MaturityLevel.Leader, plan), Request("Advance"), At));

        Assert.Equal(["2 actions to reach Mature in dimension C not done yet: c-mature-1, c-mature-2"], refused.Reasons);
    }

    [Fact]
    public void Advance_moves_one_level_once_every_action_of_that_level_is_done()
    {
        var plan = MaturityPlan.Generate("C", MaturityLevel.Follower, MaturityLevel.Leader, []);
        plan.Where(a => a.Id.StartsWith("c-mature-", StringComparison.Ordinal)).ToList().ForEach(a => a.Status = ActionStatus.Done);

        var transition = Workflow.Fire(MaturityLevel.Follower, new DimensionContext("C", MaturityLevel.Leader, plan), Request("Advance"), At);

        Assert.Equal((MaturityLevel.Follower, MaturityLevel.Mature), (transition.From, transition.To));
        Assert.Equal(new TransitionRecord(At, "assessor", "Advance", "Follower", "Mature", null), transition.Record);
    }

    [Fact]
    public void Advance_is_blocked_at_the_target_and_does_not_exist_at_Innovator()
    {
        var atTarget = Workflow.GetTransitions(MaturityLevel.Mature, new DimensionContext("G", MaturityLevel.Mature, []));

        var blocked = Assert.Single(atTarget.Blocked);
        Assert.Equal(["Mature is the target of dimension G; raise the target to plan the actions to reach Leader"], blocked.Reasons);
        Assert.Equal([DimensionTrigger.Reassess], Workflow.TriggersOf(MaturityLevel.Innovator));
    }

    [Theory]
    [InlineData(MaturityLevel.Leader, "Incomplete")]
    [InlineData(MaturityLevel.Incomplete, "Innovator")]
    public void Reassess_moves_to_any_level_given_with_a_reason(MaturityLevel from, string level)
    {
        var request = Request("Reassess", ("level", level), ("reason", "peer review"));

        var transition = Workflow.Fire(from, new DimensionContext("A", MaturityLevel.Innovator, []), request, At);

        Assert.Equal(Enum.Parse<MaturityLevel>(level), transition.To);
    }

    [Fact]
    public void Reassess_needs_a_known_level_and_a_reason()
    {
        var context = new DimensionContext("A", MaturityLevel.Leader, []);

        Assert.Contains("reason", Assert.Throws<ValidationException>(() =>
            Workflow.Fire(MaturityLevel.Mature, context, Request("Reassess", ("level", "Leader")), At)).Errors.Keys);
        Assert.Contains("level", Assert.Throws<ValidationException>(() =>
            Workflow.Fire(MaturityLevel.Mature, context, Request("Reassess", ("level", "Expert"), ("reason", "x")), At)).Errors.Keys);
    }

    [Fact]
    public void The_diagram_shows_each_advance_and_every_reassessment()
    {
        var diagram = Workflow.ToMermaid();

        Assert.Contains("    [*] --> Incomplete\n", diagram);
        Assert.Contains("    Leader --> Innovator : Advance\n", diagram);
        Assert.DoesNotContain("Innovator --> Innovator : Advance", diagram);
        Assert.Equal(4 + 25, diagram.Split('\n').Count(line => line.Contains(" --> ", StringComparison.Ordinal) && !line.Contains("[*]", StringComparison.Ordinal)));
    }

    private static TransitionRequest Request(string trigger, params (string Name, string Value)[] arguments) =>
        new(trigger, "assessor", null, arguments.ToDictionary(a => a.Name, a => a.Value));
}
