using Orleans.Concurrency;
using SocialValue.Indexes;
using SocialValue.Versions;

namespace SocialValue.Frameworks;

/// <summary>
/// A TOMs framework, keyed by its slug id. The four shipped with the service (walsall, cheshire-merseyside,
/// knowsley, thurrock) are read-only templates built from the seeds; councils copy one and edit the copy.
/// </summary>
public interface IFrameworkGrain : IGrainWithStringKey
{
    /// <summary>Creates an empty framework or a copy of <see cref="NewFramework.CopyFrom"/>; 409 when the id exists.</summary>
    Task<FrameworkDetails> CreateAsync(NewFramework framework);

    /// <summary>The framework; 404 when there is none.</summary>
    Task<FrameworkDetails> GetAsync();

    /// <summary>Adds a theme to an editable framework.</summary>
    Task<Versioned<ThemeDetails>> AddThemeAsync(string? id, string name, string? code, VersionCondition? expected);

    /// <summary>Adds an outcome under a theme of an editable framework.</summary>
    Task<Versioned<OutcomeDetails>> AddOutcomeAsync(string themeId, string? id, string name, VersionCondition? expected);

    /// <summary>Adds a measure; its formula must compile and is published as version 1 (422 with diagnostics otherwise).</summary>
    Task<Versioned<MeasureDetails>> AddMeasureAsync(NewMeasure measure, VersionCondition? expected);

    /// <summary>A measure with its current formula; 404 when unknown.</summary>
    Task<MeasureDetails> GetMeasureAsync(string measureId);

    /// <summary>Publishes a new formula version of a measure; returns it. Earlier versions stay as they were.</summary>
    Task<Versioned<FormulaVersionDetails>> PublishFormulaAsync(string measureId, string source, string author, VersionCondition? expected);

    /// <summary>Every published version of a measure's formula, oldest first.</summary>
    Task<IReadOnlyList<FormulaVersionDetails>> GetFormulaVersionsAsync(string measureId);

    /// <summary>
    /// The inputs a return line on a measure gives: the names its figure reads, then those of the formula version named
    /// (the latest when none) not read by the figure; 422 for a version that does not exist.
    /// </summary>
    Task<IReadOnlyList<string>> GetInputsAsync(string measureId, int? version);

    /// <summary>Evaluates a measure's formula (the current version, or the one named) with the proxy values in force at the date.</summary>
    Task<EvaluationResult> EvaluateAsync(string measureId, EvaluationRequest request);

    /// <summary>Sets (or, with null, clears) a measure's default SROI adjustments; not on a shipped framework.</summary>
    Task<Versioned<MeasureDetails>> SetAdjustmentsAsync(string measureId, SroiAdjustments? adjustments, VersionCondition? expected);

    /// <summary>
    /// What a reported quantity delivered on a measure: its figure, and its £ by the formula version asked for (the
    /// latest when none) with the proxy values in force at <see cref="EvaluationRequest.At"/>. A missing proxy value
    /// leaves the £ null; any other evaluation error of the figure or the formula is thrown.
    /// </summary>
    /// <exception cref="SocialValue.Formulas.FormulaEvaluationException">The figure or the formula cannot be evaluated on these inputs.</exception>
    Task<Valuation> ValueAsync(string measureId, EvaluationRequest request);

    /// <summary>
    /// Evaluates a draft formula for a measure without publishing it (the result's version is 0), with the proxy values
    /// in force at the date; 422 with diagnostics when the draft would not publish.
    /// </summary>
    Task<EvaluationResult> TryFormulaAsync(string measureId, string source, EvaluationRequest request);

    /// <summary>Sets a proxy value from a date; earlier values are kept and used for earlier periods.</summary>
    Task<Versioned<IReadOnlyList<ProxyValueEntry>>> SetProxyValueAsync(string code, decimal value, DateOnly effectiveFrom, string author, VersionCondition? expected);
}

/// <summary>Every framework (key <see cref="All"/>): the shipped templates and those created since.</summary>
public interface IFrameworkIndexGrain : IGrainWithStringKey
{
    /// <summary>The key of the one index.</summary>
    public const string All = "all";

    /// <summary>Adds or replaces a framework's line.</summary>
    Task UpsertAsync(FrameworkSummary summary);

    /// <summary>Up to <paramref name="limit"/> frameworks after <paramref name="after"/>: the shipped templates first, then the others by name.</summary>
    [AlwaysInterleave]
    Task<IndexPage<FrameworkSummary>> ListAsync(IndexPosition? after, int limit);
}
