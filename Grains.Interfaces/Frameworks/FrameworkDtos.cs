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

/// <summary>
/// A theme of a framework; <see cref="Code"/> is the council's own code where it has one (Thurrock's CS1–CS5), and
/// <see cref="Note"/> the reading note kept with the seed's data, shown with the theme.
/// </summary>
[GenerateSerializer]
public sealed record ThemeDetails(string Id, string? Code, string Name, IReadOnlyList<OutcomeDetails> Outcomes, string? Note = null);

/// <summary>An outcome, with the Marmot priority it serves where the seed gives one and its reading note.</summary>
[GenerateSerializer]
public sealed record OutcomeDetails(string Id, string Name, string? MarmotPriority, IReadOnlyList<MeasureDetails> Measures, string? Note = null);

/// <summary>
/// Whether a measure asks for more (jobs created) or for less (carbon emitted). Either way success is a positive figure:
/// a measure that asks for less has a figure that counts the reduction.
/// </summary>
[GenerateSerializer]
public enum MeasureDirection
{
    Increase,
    Reduce,
}

/// <summary>
/// A measure with its current formula version. <see cref="Figure"/> turns a reported quantity (and inputs) into the
/// measure's figure in its unit (a share in %, a reduction on the previous year); <see cref="Formula"/> values it in £.
/// <see cref="FigureInputs"/> are the names the figure reads with <c>Input("name")</c>: a return line gives those and the
/// ones its formula version reads.
/// </summary>
[GenerateSerializer]
public sealed record MeasureDetails(
    string Id,
    int? Number,
    string Title,
    string Unit,
    string? Options,
    string ThemeId,
    string OutcomeId,
    FormulaVersionDetails Formula,
    MeasureDirection Direction = MeasureDirection.Increase,
    string Figure = MeasureFigure.Quantity,
    string? Note = null,
    SroiAdjustments? Adjustments = null,
    IReadOnlyList<string>? FigureInputs = null)
{
    /// <summary>
    /// The inputs a commitment on this measure gives: those its formula reads when the target is valued by it (a figure
    /// that adds up, such as jobs or £); none when the target is a share or a change, which only returns can value.
    /// </summary>
    public IReadOnlyList<string> CommitmentInputs() => MeasureFigure.Adds(Figure) ? Formula.Inputs ?? [] : [];
}

/// <summary>The figure of a measure that reports its quantity as it is.</summary>
public static class MeasureFigure
{
    /// <summary>The figure source of a measure whose figure is the quantity reported; such figures add up across periods.</summary>
    public const string Quantity = "Quantity";

    /// <summary>
    /// Whether figures of <paramref name="figure"/> add up across periods (jobs, hours, £). A share or a change on the
    /// previous year does not: the latest period's figure stands for the measure.
    /// </summary>
    public static bool Adds(string figure) => figure == Quantity;
}

/// <summary>
/// One published formula version; it never changes once published. <see cref="Inputs"/> are the names it reads with
/// <c>Input("name")</c>, in order of first use, found when it is published; a version stored before they were recorded
/// has none stored (null), and the grain holding it reads them from its source when it activates, so every version a
/// grain answers with has them.
/// </summary>
[GenerateSerializer]
public sealed record FormulaVersionDetails(int Version, string Source, string Author, DateTimeOffset PublishedAt, IReadOnlyList<string>? Inputs = null)
{
    /// <summary>
    /// The version number as the entity tag of a formula that is a resource of its own (the bid score and overall-level
    /// formulas): a new version is the only change such a formula has.
    /// </summary>
    public string ETag() => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A proxy value (£ per unit) for a code, in force from a date until the next entry for that code.</summary>
[GenerateSerializer]
public sealed record ProxyValueEntry(string Code, decimal Value, DateOnly EffectiveFrom, string Author);

/// <summary>A framework in the index.</summary>
[GenerateSerializer]
public sealed record FrameworkSummary(string Id, string Name, bool ReadOnly, string? CopiedFrom);

/// <summary>A new framework, empty or a copy of another.</summary>
[GenerateSerializer]
public sealed record NewFramework(string Name, string? CopyFrom, string Author);

/// <summary>A new measure; its formula is published as version 1. Without a figure, the figure is the quantity reported.</summary>
[GenerateSerializer]
public sealed record NewMeasure(
    string? Id,
    string ThemeId,
    string OutcomeId,
    string Title,
    string Unit,
    string Formula,
    string? Options,
    string Author,
    MeasureDirection Direction = MeasureDirection.Increase,
    string? Figure = null);

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

/// <summary>
/// What a reported quantity delivered: its figure in the measure's unit, and its value in £ by the formula version
/// given. <see cref="Gbp"/> is null, with <see cref="UnvaluedReason"/>, when the formula needs a proxy value that is not
/// in force at <see cref="At"/>: the line is then counted in units only, never in invented pounds.
/// </summary>
[GenerateSerializer]
public sealed record Valuation(string MeasureId, decimal Units, decimal? Gbp, int Version, DateOnly At, string? UnvaluedReason);

/// <summary>One SROI adjustment: a fraction (0.2 is 20%) and the source it was taken from, to show with it.</summary>
[GenerateSerializer]
public sealed record SroiRate(decimal Rate, string Source);

/// <summary>
/// The SROI adjustments of a measure (the Cabinet Office / Social Value UK guide's method): deadweight (what would
/// have happened anyway), attribution (the share due to others) and displacement (value moved rather than created)
/// reduce gross £ to net; a benefit lasting <see cref="BenefitYears"/> years falls by <see cref="DropOff"/> each year
/// after the first and is discounted to present value. An adjustment not set is none.
/// </summary>
[GenerateSerializer]
public sealed record SroiAdjustments(SroiRate? Deadweight, SroiRate? Attribution, SroiRate? Displacement, SroiRate? DropOff, int BenefitYears = 1)
{
    /// <summary>The longest benefit period accepted, in years.</summary>
    public const int MaxBenefitYears = 50;

    /// <summary>What is wrong with these adjustments, per field; empty when they can be used.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, rate) in new[] { ("deadweight", Deadweight), ("attribution", Attribution), ("displacement", Displacement), ("dropOff", DropOff) })
        {
            if (rate is null)
            {
                continue;
            }
            if (rate.Rate is < 0 or > 1)
            {
                errors[$"{field}.rate"] = [$"{field} is a fraction from 0 to 1 (0.2 is 20%), not {rate.Rate}."];
            }
            if (string.IsNullOrWhiteSpace(rate.Source) || rate.Source.Length > 2000)
            {
                errors[$"{field}.source"] = [$"Say where the {field} rate comes from (at most 2,000 characters)."];
            }
        }
        if (BenefitYears is < 1 or > MaxBenefitYears)
        {
            errors["benefitYears"] = [$"benefitYears is a whole number of years from 1 to {MaxBenefitYears}."];
        }
        return errors;
    }
}
