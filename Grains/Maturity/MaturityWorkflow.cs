using SocialValue.Workflow;

namespace SocialValue.Maturity;

/// <summary>
/// The level of one dimension as a state machine over the dimension's state (DOMAIN.md): <c>Advance</c> one level once
/// every planned action of that level is done and the target lies above; <c>Reassess {level, reason}</c> to any level.
/// Entering a level raises the target to it when it lies above, and plans the actions up to the target.
/// </summary>
public sealed class MaturityWorkflow : GrainWorkflow<MaturityLevel, DimensionTrigger>
{
    private const string Level = "level";
    private const string PlanDescription = "raise the target to the level if below, plan the actions up to it";

    public MaturityWorkflow(DimensionState dimension)
        : this(dimension, drawn: false)
    {
    }

    // A diagram is drawn for no dimension in particular, so its guards are described in general terms.
    private MaturityWorkflow(DimensionState dimension, bool drawn)
        : base("Maturity dimension level", MaturityLevel.Incomplete, () => dimension.Present, level => dimension.Present = level, dimension.History)
    {
        RequireArguments(DimensionTrigger.Reassess, Level, "reason");
        var reassess = Parameter(DimensionTrigger.Reassess, arguments => arguments.GetEnum<MaturityLevel>(Level));
        var levels = Enum.GetValues<MaturityLevel>();
        foreach (var level in levels)
        {
            var state = Machine.Configure(level)
                .OnEntryFrom(DimensionTrigger.Advance, () => Plan(dimension), PlanDescription)
                .OnEntryFrom(reassess, _ => Plan(dimension), PlanDescription);
            foreach (var to in levels)
            {
                // The level given picks the one transition whose guard holds; a listing, without one, sees Reassess permitted.
                var isGiven = Guard<MaturityLevel>(given => given == to, $"the level given is {to}");
                if (to == level)
                {
                    state.PermitReentryIf(reassess, isGiven);
                }
                else
                {
                    state.PermitIf(reassess, to, isGiven);
                }
            }
            if (level == MaturityLevel.Innovator)
            {
                continue;
            }
            var next = level + 1;
            state.PermitIf(DimensionTrigger.Advance, next,
                Guard(() => dimension.Target > level, drawn
                    ? $"the target lies above {level}"
                    : $"{level} is the target of dimension {dimension.Code}; raise the target to plan the actions to reach {next}"),
                Guard(() => MaturityPlan.Undone(dimension.Actions, next).Count == 0, drawn
                    ? $"every action to reach {next} is done"
                    : UndoneReason(dimension, next)));
        }
    }

    /// <summary>The workflow as it is drawn: for no dimension in particular.</summary>
    public static MaturityWorkflow Diagram => new(new DimensionState(), drawn: true);

    private static void Plan(DimensionState dimension)
    {
        dimension.Target = dimension.Present > dimension.Target ? dimension.Present : dimension.Target;
        dimension.Actions = MaturityPlan.Generate(dimension.Code, dimension.Present, dimension.Target, dimension.Actions);
    }

    private static string UndoneReason(DimensionState dimension, MaturityLevel next)
    {
        var undone = MaturityPlan.Undone(dimension.Actions, next);
        var actions = undone.Count == 1 ? "1 action" : $"{undone.Count} actions";
        return $"{actions} to reach {next} in dimension {dimension.Code} not done yet: {string.Join(", ", undone)}";
    }
}
