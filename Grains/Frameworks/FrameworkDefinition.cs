namespace SocialValue.Frameworks;

/// <summary>
/// A social value framework: themes, the outcomes each theme pursues, and the measures that evidence them.
/// The reference frameworks are read from the seeds by <see cref="ReferenceFrameworks"/>.
/// </summary>
/// <param name="Id">A slug unique among frameworks, e.g. <c>walsall</c>.</param>
/// <param name="Name">The framework's name as its source gives it.</param>
/// <param name="Source">Where it was read from: the seed's file name and title.</param>
/// <param name="Themes">The themes, in the source's order.</param>
public sealed record FrameworkDefinition(string Id, string Name, string Source, IReadOnlyList<ThemeDefinition> Themes);

/// <summary>A theme of a framework, e.g. Thurrock's <c>CS1</c> or Walsall's "Economic Growth".</summary>
/// <param name="Id">A slug unique within the framework.</param>
/// <param name="Name">The theme's name in the source's words.</param>
/// <param name="Outcomes">The outcomes, in the source's order.</param>
/// <param name="Code">The source's own code for the theme, where it has one (Thurrock's <c>CS1</c>–<c>CS5</c>).</param>
/// <param name="Note">A judgement made reading the source, when one was needed.</param>
public sealed record ThemeDefinition(
    string Id,
    string Name,
    IReadOnlyList<OutcomeDefinition> Outcomes,
    string? Code = null,
    string? Note = null);

/// <summary>An outcome a theme pursues; it may have no measure where the source gives none.</summary>
/// <param name="Id">A slug unique within the framework.</param>
/// <param name="Name">The outcome in the source's words.</param>
/// <param name="Measures">The measures that evidence it.</param>
/// <param name="MarmotPriority">The Marmot priority it serves, where the source names them (Cheshire &amp; Merseyside).</param>
/// <param name="Note">A judgement made reading the source, when one was needed.</param>
public sealed record OutcomeDefinition(
    string Id,
    string Name,
    IReadOnlyList<MeasureDefinition> Measures,
    string? MarmotPriority = null,
    string? Note = null);

/// <summary>
/// A measure: what a supplier reports, its unit, its figure and the default formula that values it in £. The shipped
/// formulas never turn a count into pounds by themselves: counts are valued through a proxy value named after the
/// measure (<c>Quantity * Proxy("economic-growth-m2")</c>), measures counted in £ as themselves.
/// </summary>
/// <param name="Id">A slug unique within the framework.</param>
/// <param name="Title">The measure in the source's words.</param>
/// <param name="Unit">What the reported quantity counts: <c>number</c>, <c>FTE</c>, <c>£</c>, <c>%</c>, <c>hours</c>, …</param>
/// <param name="Formula">
/// The default formula: the body of a C# expression returning decimal over <c>Quantity</c>, <c>Target</c>,
/// <c>ContractValue</c>, <c>Input("name")</c>, <c>Proxy("code")</c> and <c>Math</c>.
/// </param>
/// <param name="Number">The source's own number for the measure, where it has one (Knowsley's 1–29).</param>
/// <param name="Options">The source's "options for achieving" text, where it has one; items on separate lines.</param>
/// <param name="Note">A judgement made reading the source, when one was needed.</param>
/// <param name="Direction">Whether the measure asks for more or for less; its figure counts success positively either way.</param>
/// <param name="Figure">
/// The figure in the measure's unit, over the same names as the formula (a share, a change on the previous year); the
/// quantity reported when the source is silent.
/// </param>
public sealed record MeasureDefinition(
    string Id,
    string Title,
    string Unit,
    string Formula,
    int? Number = null,
    string? Options = null,
    string? Note = null,
    MeasureDirection Direction = MeasureDirection.Increase,
    string Figure = MeasureFigure.Quantity);
