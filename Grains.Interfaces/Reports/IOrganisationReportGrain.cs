using SocialValue.Contracts;
using SocialValue.Maturity;

namespace SocialValue.Reports;

/// <summary>An organisation's annual report (keyed by organisation id), assembled from its contracts, maturity index and Kite Mark.</summary>
public interface IOrganisationReportGrain : IGrainWithStringKey
{
    /// <summary>The report for <paramref name="year"/>; 404 when the organisation does not exist.</summary>
    Task<OrganisationReport> GetAsync(int year);
}

/// <summary>
/// Social value across the contracts the organisation commissions: delivered in the year (verified returns only)
/// against committed over each contract's life, by theme, outcome and measure, in units and £; with its maturity
/// and Kite Mark status when it has them.
/// </summary>
[GenerateSerializer]
public sealed record OrganisationReport(
    string OrganisationId,
    string OrganisationName,
    int Year,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportContract> Contracts,
    IReadOnlyList<ReportGroup> Themes,
    IReadOnlyList<ReportGroup> Outcomes,
    IReadOnlyList<ReportMeasure> Measures,
    ValueTotal Total,
    decimal? SocialValueRatio,
    ReportMaturity? Maturity,
    ReportKiteMark? KiteMark);

/// <summary>
/// One contract's line: its state, its £ committed and delivered in the year, and how many of its measures those £
/// leave out for want of a valuation.
/// </summary>
[GenerateSerializer]
public sealed record ReportContract(
    string Id,
    string Title,
    ContractStatus State,
    string? FrameworkId,
    decimal CommittedValue,
    decimal DeliveredValue,
    int UnvaluedMeasures,
    decimal CommittedNetValue,
    decimal DeliveredNetValue,
    decimal? SocialValueRatio);

/// <summary>
/// A theme's or outcome's totals over every contract on that framework; units are summed per unit; the £ leave out
/// <see cref="UnvaluedMeasures"/> contract measures that have no valuation.
/// </summary>
[GenerateSerializer]
public sealed record ReportGroup(
    string FrameworkId,
    string Id,
    string Name,
    IReadOnlyList<UnitTotal> Units,
    decimal CommittedValue,
    decimal DeliveredValue,
    int UnvaluedMeasures,
    decimal CommittedNetValue,
    decimal DeliveredNetValue);

/// <summary>
/// A measure's totals over every contract on that framework; <see cref="UnvaluedContracts"/> counts the contracts whose
/// figures for it are left out of the £.
/// </summary>
[GenerateSerializer]
public sealed record ReportMeasure(
    string FrameworkId,
    string MeasureId,
    string Title,
    string Unit,
    string ThemeId,
    string OutcomeId,
    decimal CommittedUnits,
    decimal DeliveredUnits,
    decimal CommittedValue,
    decimal DeliveredValue,
    int UnvaluedContracts,
    decimal CommittedNetValue,
    decimal DeliveredNetValue);

/// <summary>The maturity index: overall present and target, each dimension, and whether it is due for review.</summary>
[GenerateSerializer]
public sealed record ReportMaturity(MaturityLevel Present, MaturityLevel Target, DateTimeOffset AssessedAt, bool ReviewDue, IReadOnlyList<DimensionAssessment> Dimensions);

/// <summary>A current Kite Mark holding.</summary>
[GenerateSerializer]
public sealed record ReportKiteMark(string Status, string ApplicationId, string AwardingBodyId, DateTimeOffset AwardedOn, DateTimeOffset ValidUntil);
