using SocialValue.Workflow;

namespace SocialValue.Maturity;

public enum DimensionTrigger
{
    Advance,
    Reassess,
}

/// <summary>What the level workflow of one dimension judges by: its target and its plan.</summary>
public sealed record DimensionContext(string Code, MaturityLevel Target, IReadOnlyList<ActionState> Plan);

/// <summary>
/// The level of one dimension as a state machine (DOMAIN.md): <c>Advance</c> one level once every planned action
/// of that level is done and the target lies above; <c>Reassess {level, reason}</c> to any level.
/// </summary>
public static class MaturityWorkflow
{
    public static Workflow<MaturityLevel, DimensionTrigger, DimensionContext> Definition { get; } = Define();

    private static Workflow<MaturityLevel, DimensionTrigger, DimensionContext> Define()
    {
        var levels = Enum.GetValues<MaturityLevel>();
        var workflow = new Workflow<MaturityLevel, DimensionTrigger, DimensionContext>("Maturity dimension level")
            .RequireArguments(DimensionTrigger.Reassess, "level", "reason");
        foreach (var level in levels)
        {
            var state = workflow.Configure(level)
                .PermitDynamic(DimensionTrigger.Reassess, (_, arguments) => arguments.GetEnum<MaturityLevel>("level"), levels);
            if (level == MaturityLevel.Innovator)
            {
                continue;
            }
            var next = level + 1;
            state.Permit(DimensionTrigger.Advance, next)
                .Guard(DimensionTrigger.Advance, c => c.Target > level,
                    c => $"{level} is the target of dimension {c.Code}; raise the target to plan the actions to reach {next}")
                .Guard(DimensionTrigger.Advance, c => MaturityPlan.Undone(c.Plan, next).Count == 0,
                    c => UndoneReason(c, next));
        }
        return workflow;
    }

    private static string UndoneReason(DimensionContext context, MaturityLevel next)
    {
        var undone = MaturityPlan.Undone(context.Plan, next);
        var actions = undone.Count == 1 ? "1 action" : $"{undone.Count} actions";
        return $"{actions} to reach {next} in dimension {context.Code} not done yet: {string.Join(", ", undone)}";
    }
}
