using SocialValue.Workflow;

namespace SocialValue.Maturity;

public sealed class MaturityState
{
    public DateTimeOffset AssessedAt { get; set; }

    public string AssessedBy { get; set; } = "";

    public DateTimeOffset NextReviewAt { get; set; }

    public bool ReviewDue { get; set; }

    public List<DimensionState> Dimensions { get; set; } = [];
}

public sealed class DimensionState
{
    public string Code { get; set; } = "";

    public MaturityLevel Present { get; set; }

    public MaturityLevel Target { get; set; }

    public List<ActionState> Actions { get; set; } = [];

    public List<TransitionRecord> History { get; set; } = [];
}

/// <summary>An organisation's tracking of one catalogue action; the text and level stay in the catalogue.</summary>
public sealed class ActionState
{
    public string Id { get; set; } = "";

    public ActionStatus Status { get; set; }

    public string? Owner { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? Notes { get; set; }

    public List<string> Evidence { get; set; } = [];
}

public sealed class MaturityModelState
{
    public List<Frameworks.FormulaVersionDetails> OverallFormulaVersions { get; set; } = [];
}
