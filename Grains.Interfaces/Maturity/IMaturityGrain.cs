using SocialValue.Scheduling;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.Maturity;

/// <summary>
/// An organisation's Social Value Maturity Index, keyed by the organisation's id: the assessment, the action plan
/// generated from it, each dimension's level workflow, and the annual reassessment deadline.
/// </summary>
public interface IMaturityGrain : IDeadlineGrain
{
    /// <summary>The name of the deadline that marks the index due for review a year after each assessment.</summary>
    public const string ReviewDeadline = "maturity-review";

    /// <summary>
    /// Records an assessment of all ten dimensions and regenerates the plan, keeping the tracking of actions that
    /// remain; restarts the review year. 404 when the organisation does not exist, 422 for a missing or unknown
    /// dimension or a target below the present level, 412 when <paramref name="expected"/> is stale.
    /// </summary>
    Task<MaturityDetails> AssessAsync(IReadOnlyList<DimensionAssessment> dimensions, string actor, VersionCondition? expected);

    /// <summary>The index with its overall levels; 404 when the organisation does not exist or was never assessed.</summary>
    Task<MaturityDetails> GetAsync();

    /// <summary>Changes the tracking of one planned action; 404 when the plan has no such action.</summary>
    Task<MaturityDetails> UpdateActionAsync(string actionId, ActionUpdate update, VersionCondition? expected);

    /// <summary>The triggers of a dimension's level workflow, permitted or blocked with the reasons; 404 for an unknown code.</summary>
    Task<TransitionOptions> GetTransitionsAsync(string code);

    /// <summary>
    /// Fires <c>Advance</c> or <c>Reassess</c> on a dimension, records it and regenerates its plan; a reassessment above
    /// the target raises the target with it. 409 with the reasons when the trigger is blocked.
    /// </summary>
    Task<MaturityDetails> FireAsync(string code, TransitionRequest request, VersionCondition? expected);

    /// <summary>The dimension level workflow as a Mermaid diagram.</summary>
    Task<string> GetDiagramAsync();
}

/// <summary>
/// The maturity model (key <see cref="Default"/>): the seed's dimensions, levels and action catalogue, and the
/// versioned formula that turns ten dimension levels into an overall level.
/// </summary>
public interface IMaturityModelGrain : IGrainWithStringKey
{
    /// <summary>The key of the one model.</summary>
    public const string Default = "default";

    /// <summary>Levels, dimensions, the catalogue and the overall formula in force.</summary>
    Task<MaturityModelDetails> GetAsync();

    /// <summary>Every version of the overall formula, oldest first; version 1 is the lower median of the levels.</summary>
    Task<IReadOnlyList<Frameworks.FormulaVersionDetails>> GetOverallFormulaVersionsAsync();

    /// <summary>
    /// Publishes a new overall formula when <paramref name="expected"/> is null or admits the number of the version in
    /// force. It must compile and give a level for every sample index (422 with diagnostics or field errors otherwise).
    /// </summary>
    Task<Frameworks.FormulaVersionDetails> PublishOverallFormulaAsync(string source, string author, Versions.VersionCondition? expected);

    /// <summary>The overall present and target levels of the given dimensions by the current formula; 422 when it gives no level.</summary>
    Task<OverallLevels> EvaluateOverallAsync(IReadOnlyList<DimensionAssessment> dimensions);
}
