using SocialValue.Maturity;

namespace SocialValue.Contracts;

/// <summary>One of the 12 steps (seed 002 §5) as this contract works it: its status, owner and date.</summary>
[GenerateSerializer]
public sealed record PlanningStep(int Number, string Text, ActionStatus Status, string? Owner, DateOnly? Date);

/// <summary>
/// A contract's planning checklist: the 12 steps, the planned service start step 6's lead time is measured to (from the
/// day commissioning started, the contract's creation), and step 12's answer: whether failure to deliver social value
/// is in the break clause. <see cref="LeadTimeShort"/> when the lead time is under six months.
/// </summary>
[GenerateSerializer]
public sealed record PlanningDetails(
    DateOnly? PlannedServiceStart, int? LeadTimeMonths, bool LeadTimeShort, bool? BreakClauseCoversSocialValue, IReadOnlyList<PlanningStep> Steps);

/// <summary>A change to one step; a null field stays as it is.</summary>
[GenerateSerializer]
public sealed record StepUpdate(ActionStatus? Status, string? Owner, DateOnly? Date);

/// <summary>What is stored of a step once it has been worked.</summary>
[GenerateSerializer]
public sealed record StepProgress(ActionStatus Status, string? Owner, DateOnly? Date);
