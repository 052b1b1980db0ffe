using SocialValue.Scheduling;
using SocialValue.Workflow;

namespace SocialValue.Maturity;

[GenerateSerializer]
public sealed class MaturityState
{
    [Id(0)]
    public DateTimeOffset AssessedAt { get; set; }

    [Id(1)]
    public string AssessedBy { get; set; } = "";

    [Id(2)]
    public DateTimeOffset NextReviewAt { get; set; }

    /// <summary>The job that marks the review due at <see cref="NextReviewAt"/>.</summary>
    [Id(3)]
    public ScheduledDeadline? ReviewJob { get; set; }

    [Id(4)]
    public bool ReviewDue { get; set; }

    [Id(5)]
    public List<DimensionState> Dimensions { get; set; } = [];
}

[GenerateSerializer]
public sealed class DimensionState
{
    [Id(0)]
    public string Code { get; set; } = "";

    [Id(1)]
    public MaturityLevel Present { get; set; }

    [Id(2)]
    public MaturityLevel Target { get; set; }

    [Id(3)]
    public List<ActionState> Actions { get; set; } = [];

    [Id(4)]
    public List<TransitionRecord> History { get; set; } = [];
}

/// <summary>An organisation's tracking of one catalogue action; the text and level stay in the catalogue.</summary>
[GenerateSerializer]
public sealed class ActionState
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public ActionStatus Status { get; set; }

    [Id(2)]
    public string? Owner { get; set; }

    [Id(3)]
    public DateOnly? DueDate { get; set; }

    [Id(4)]
    public string? Notes { get; set; }

    [Id(5)]
    public List<string> Evidence { get; set; } = [];
}

[GenerateSerializer]
public sealed class MaturityModelState
{
    [Id(0)]
    public List<Frameworks.FormulaVersionDetails> OverallFormulaVersions { get; set; } = [];
}
