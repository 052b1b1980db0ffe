using SocialValue.Workflow;

namespace SocialValue.Maturity;

/// <summary>Where an action of a plan stands.</summary>
[GenerateSerializer]
public enum ActionStatus
{
    /// <summary>Nobody has started it.</summary>
    NotStarted,

    /// <summary>Under way.</summary>
    InProgress,

    /// <summary>Done; a dimension advances when every action of its next level is done.</summary>
    Done,
}

/// <summary>The triggers of a dimension's level (API.md, Organisations and maturity): one level up, or to any level with a reason.</summary>
[GenerateSerializer]
public enum DimensionTrigger
{
    Advance,
    Reassess,
}

/// <summary>
/// The triggers a dimension's history records, named for the API: the level's (<see cref="DimensionTrigger"/>) and
/// <c>Assess</c>, an assessment that set the level first or changed it. The history is stored as text; these are exactly
/// the names it holds.
/// </summary>
public enum DimensionHistoryTrigger
{
    Advance,
    Reassess,
    Assess,
}

/// <summary>The present level and target of one dimension, as an assessment gives them.</summary>
[GenerateSerializer]
public sealed record DimensionAssessment(string Code, MaturityLevel Present, MaturityLevel Target);

/// <summary>One action of an organisation's plan: the catalogue's text with the organisation's tracking of it.</summary>
[GenerateSerializer]
public sealed record PlannedAction(
    string Id,
    MaturityLevel Level,
    string Text,
    ActionStatus Status,
    string? Owner,
    DateOnly? DueDate,
    string? Notes,
    IReadOnlyList<string> Evidence);

/// <summary>A change to a planned action; null members stay as they are, an empty owner or notes clears it.</summary>
[GenerateSerializer]
public sealed record ActionUpdate(ActionStatus? Status, string? Owner, DateOnly? DueDate, string? Notes, IReadOnlyList<string>? Evidence);

/// <summary>One dimension of an organisation's index: its level (the workflow state), target, plan and history.</summary>
[GenerateSerializer]
public sealed record DimensionDetails(
    string Code,
    string Name,
    MaturityLevel Present,
    MaturityLevel Target,
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<TransitionRecord> History);

/// <summary>The overall present performance and target, computed by the overall formula version named.</summary>
[GenerateSerializer]
public sealed record OverallLevels(MaturityLevel Present, MaturityLevel Target, int FormulaVersion);

/// <summary>
/// An organisation's maturity index. <paramref name="ReviewDue"/> turns true once <paramref name="NextReviewAt"/>,
/// one year after the assessment, has passed without a new one.
/// </summary>
[GenerateSerializer]
public sealed record MaturityDetails(
    string OrganisationId,
    string OrganisationName,
    OverallLevels Overall,
    IReadOnlyList<DimensionDetails> Dimensions,
    DateTimeOffset AssessedAt,
    string AssessedBy,
    DateTimeOffset NextReviewAt,
    bool ReviewDue,
    string ETag);
