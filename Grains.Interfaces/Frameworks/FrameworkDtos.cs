namespace SocialValue.Frameworks;

/// <summary>A TOMs framework: themes → outcomes → measures, with the proxy values in force today.</summary>
[GenerateSerializer]
public sealed record FrameworkDetails(
    string Id,
    string Name,
    bool ReadOnly,
    string? CopiedFrom,
    IReadOnlyList<ThemeDetails> Themes,
    IReadOnlyDictionary<string, decimal> ProxyValues,
    IReadOnlyList<ProxyValueEntry> ProxyValueHistory,
    string ETag);

/// <summary>A theme of a framework; <see cref="Code"/> is the council's own code where it has one (Thurrock's CS1–CS5).</summary>
[GenerateSerializer]
public sealed record ThemeDetails(string Id, string? Code, string Name, IReadOnlyList<OutcomeDetails> Outcomes);

/// <summary>An outcome, with the Marmot priority it serves where the seed gives one.</summary>
[GenerateSerializer]
public sealed record OutcomeDetails(string Id, string Name, string? MarmotPriority, IReadOnlyList<MeasureDetails> Measures);

/// <summary>A measure with its current formula version.</summary>
[GenerateSerializer]
public sealed record MeasureDetails(
    string Id,
    int? Number,
    string Title,
    string Unit,
    string? Options,
    string ThemeId,
    string OutcomeId,
    FormulaVersionDetails Formula);

/// <summary>One published formula version; it never changes once published.</summary>
[GenerateSerializer]
public sealed record FormulaVersionDetails(int Version, string Source, string Author, DateTimeOffset PublishedAt);

/// <summary>A proxy value (£ per unit) for a code, in force from a date until the next entry for that code.</summary>
[GenerateSerializer]
public sealed record ProxyValueEntry(string Code, decimal Value, DateOnly EffectiveFrom, string Author);

/// <summary>A framework in the index.</summary>
[GenerateSerializer]
public sealed record FrameworkSummary(string Id, string Name, bool ReadOnly, string? CopiedFrom);

/// <summary>A new framework, empty or a copy of another.</summary>
[GenerateSerializer]
public sealed record NewFramework(string Name, string? CopyFrom, string Author);

/// <summary>A new measure; its formula is published as version 1.</summary>
[GenerateSerializer]
public sealed record NewMeasure(string? Id, string ThemeId, string OutcomeId, string Title, string Unit, string Formula, string? Options, string Author);

/// <summary>What to evaluate a measure's formula on; <see cref="At"/> picks the proxy values in force (default today).</summary>
[GenerateSerializer]
public sealed record EvaluationRequest(
    decimal Quantity,
    decimal Target,
    decimal ContractValue,
    IReadOnlyDictionary<string, decimal> Inputs,
    int? Version,
    DateOnly? At,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>>? Lists = null);

/// <summary>A computed value and the formula version that produced it.</summary>
[GenerateSerializer]
public sealed record EvaluationResult(string MeasureId, decimal Value, int Version, DateOnly At);
