namespace SocialValue.Maturity;

/// <summary>The action plan rule of DOMAIN.md: per dimension, every catalogue action above the present level up to the target.</summary>
public static class MaturityPlan
{
    private static readonly Dictionary<string, MaturityActionDefinition> ById = MaturityModel.Actions.ToDictionary(a => a.Id);

    /// <summary>
    /// The plan of dimension <paramref name="code"/> from <paramref name="present"/> to <paramref name="target"/>, in
    /// catalogue order. An action already in <paramref name="current"/> keeps its tracking; a new one is not started.
    /// </summary>
    public static List<ActionState> Generate(string code, MaturityLevel present, MaturityLevel target, IEnumerable<ActionState> current)
    {
        var kept = current.ToDictionary(a => a.Id);
        return
        [
            .. MaturityModel.Actions
                .Where(a => a.DimensionCode == code && a.Level > present && a.Level <= target)
                .Select(a => kept.GetValueOrDefault(a.Id) ?? new ActionState { Id = a.Id }),
        ];
    }

    /// <summary>The ids of the plan's actions to reach <paramref name="level"/> that are not done, in catalogue order.</summary>
    public static IReadOnlyList<string> Undone(IEnumerable<ActionState> plan, MaturityLevel level) =>
        [.. plan.Where(a => a.Status != ActionStatus.Done && LevelOf(a.Id) == level).Select(a => a.Id)];

    /// <summary>The catalogue entry of an action id, or null when the catalogue has none.</summary>
    public static MaturityActionDefinition? Find(string actionId) => ById.GetValueOrDefault(actionId);

    private static MaturityLevel LevelOf(string actionId) => ById[actionId].Level;
}
