using SocialValue.Workflow;

namespace SocialValue.Contracts;

/// <summary>
/// Where a remedy for a shortfall is (DOMAIN.md "Enforcement and reward"): opened by a performance review, a recovery
/// plan proposed by the supplier and accepted or rejected by the commissioner, then resolved or escalated.
/// </summary>
[GenerateSerializer]
public enum RemedyStatus
{
    Open,
    PlanProposed,
    Recovering,
    Resolved,
    Escalated,
    EscalatedToBreakClause,
}

/// <summary>The triggers of the remedy workflow, in the order a remedy meets them.</summary>
[GenerateSerializer]
public enum RemedyTrigger
{
    ProposePlan,
    RejectPlan,
    Accept,
    Resolve,
    Escalate,
    DueDatePassed,
}

/// <summary>Why a supplier is flagged for the extension opportunity seed 004 promises.</summary>
[GenerateSerializer]
public enum ExtensionFlagKind
{
    /// <summary>Delivered above the commitment on a measure, as a review found.</summary>
    OverDelivery,

    /// <summary>Reduced demand for public services, as the commissioner records it: no measure counts it.</summary>
    DemandReduction,
}

/// <summary>A performance review to record: who records it, and the demand reductions the commissioner asserts.</summary>
[GenerateSerializer]
public sealed record NewPerformanceReview(string Actor, IReadOnlyList<string> DemandReductions);

/// <summary>
/// A recorded performance review: the snapshot of delivered against committed, the remedies it opened on measures in
/// shortfall (a measure with an unfinished remedy gets no second one) and the extension flags it raised.
/// </summary>
[GenerateSerializer]
public sealed record PerformanceReviewDetails(
    string Id,
    DateTimeOffset ReviewedAt,
    string ReviewedBy,
    PerformanceReview Performance,
    IReadOnlyList<string> RemediesOpened,
    IReadOnlyList<ExtensionFlag> Flags);

/// <summary>A supplier flagged for an extension opportunity: over-delivery on a measure, or a demand reduction the commissioner recorded.</summary>
[GenerateSerializer]
public sealed record ExtensionFlag(ExtensionFlagKind Kind, string? MeasureId, string Note, string ReviewId, DateTimeOffset FlaggedAt);

/// <summary>The supplier's recovery plan: what it will do, and the date by which delivery will meet the commitment.</summary>
[GenerateSerializer]
public sealed record RecoveryPlan(string Text, DateOnly DueDate, string ProposedBy, DateTimeOffset ProposedAt);

/// <summary>
/// A remedy for a shortfall on one committed measure, as the review that opened it found it, with the supplier's plan
/// and the remedy's own steps (each also in the contract's history).
/// </summary>
[GenerateSerializer]
public sealed record RemedyDetails(
    string Id,
    string MeasureId,
    string Title,
    string Unit,
    TermKind Kind,
    decimal Committed,
    decimal Delivered,
    decimal Shortfall,
    string ReviewId,
    DateTimeOffset OpenedAt,
    RemedyStatus State,
    RecoveryPlan? Plan,
    IReadOnlyList<TransitionRecord> History);

/// <summary>A remedy as the contract lists it.</summary>
[GenerateSerializer]
public sealed record RemedySummary(string Id, string MeasureId, RemedyStatus State, DateOnly? DueDate);
