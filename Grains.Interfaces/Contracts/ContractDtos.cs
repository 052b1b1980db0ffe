using SocialValue.Frameworks;
using SocialValue.Workflow;

namespace SocialValue.Contracts;

/// <summary>A contract to initiate; without <see cref="FrameworkId"/> it uses the framework its commissioner adopted.</summary>
[GenerateSerializer]
public sealed record NewContract(string OrganisationId, string Title, decimal Value, string? FrameworkId, string Author);

/// <summary>A contract as callers see it, with the version of its stored record.</summary>
[GenerateSerializer]
public sealed record ContractDetails(
    string Id,
    string OrganisationId,
    string Title,
    decimal Value,
    string? FrameworkId,
    ContractStatus State,
    SpecificationDetails Specification,
    TenderDetails Tender,
    AwardDetails? Award,
    IReadOnlyList<SocialValueTerm> Terms,
    DateTimeOffset? LiveFrom,
    IReadOnlyList<ReturnDue> ReturnsDue,
    IReadOnlyList<TransitionRecord> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string ETag,
    PlanningDetails? Planning = null,
    IReadOnlyList<RemedySummary>? Remedies = null,
    IReadOnlyList<ExtensionFlag>? ExtensionFlags = null);

/// <summary>
/// The framework outcomes and measures the commissioner chose as relevant and proportionate to the contract, and the
/// outcomes among them that cannot be linked to the contract's subject matter, which become contract terms rather than
/// contract KPIs (seed 004's <c>*</c> and <c>**</c>).
/// </summary>
[GenerateSerializer]
public sealed record SpecificationDetails(IReadOnlyList<string> OutcomeIds, IReadOnlyList<string> MeasureIds, IReadOnlyList<string> ContractTermOutcomeIds);

/// <summary>
/// What a term of the contract is (seed 004): a contract KPI, for an outcome linked to the contract's subject matter and
/// monitored through the returns, or a contract term, for an outcome that cannot be linked to it.
/// </summary>
[GenerateSerializer]
public enum TermKind
{
    Kpi,
    ContractTerm,
}

/// <summary>
/// The tender's social value weighting (a fraction, 0.3 is 30%), whether it is the commissioner type's default, and the
/// bid score formula version fixed when the tender was published.
/// </summary>
[GenerateSerializer]
public sealed record TenderDetails(decimal? SocialValueWeighting, bool WeightingIsDefault, int? ScoreFormulaVersion);

/// <summary>
/// The winning bid and its supplier. Its two answers (how it will deliver the outcomes, how delivery will be measured and
/// verified) are incorporated into the contract with its commitments: they are terms the supplier is held to.
/// </summary>
[GenerateSerializer]
public sealed record AwardDetails(
    string BidId, string Supplier, string? SupplierOrganisationId, decimal Price, DateTimeOffset AwardedAt, BidAnswers? Answers = null);

/// <summary>
/// One social value term of an awarded contract: the winning bid's commitment on a measure, with the formula version in
/// force at the award (every value of this term is computed with it) and its committed value in £ (null, with a note,
/// when the formula cannot value the target alone, e.g. it needs inputs only returns carry, or a proxy value is not set).
/// The measure's direction and figure are copied at the award, so the term reads its returns the way it was agreed.
/// </summary>
[GenerateSerializer]
public sealed record SocialValueTerm(
    string MeasureId,
    string Title,
    string Unit,
    string ThemeId,
    string ThemeName,
    string OutcomeId,
    string OutcomeName,
    decimal Target,
    int FormulaVersion,
    decimal? CommittedValue,
    string? CommittedValueNote,
    MeasureDirection Direction = MeasureDirection.Increase,
    string Figure = MeasureFigure.Quantity,
    TermKind Kind = TermKind.Kpi,
    SroiAdjustments? Adjustments = null);

/// <summary>A quarterly return that falls due; its scheduled deadline marks it overdue when it has not arrived by <see cref="DueAt"/>.</summary>
[GenerateSerializer]
public sealed record ReturnDue(string Period, DateTimeOffset DueAt, ReturnDueStatus Status, DateTimeOffset? MarkedOverdueAt);

/// <summary>
/// A supplier's commitment on a measure of the specification; <c>Source</c> says where it came from, to name it in
/// errors (e.g. "row 3" of a CSV), and is null for JSON. <c>Inputs</c> are the named inputs the measure's formula reads
/// to value the target (<see cref="Frameworks.MeasureDetails.CommitmentInputs"/>).
/// </summary>
[GenerateSerializer]
public sealed record NewCommitment(string MeasureId, decimal Target, string? Source = null, IReadOnlyDictionary<string, decimal>? Inputs = null);

/// <summary>A commitment of a bid: a target on a measure, with the named inputs its formula reads to value it (null when none).</summary>
[GenerateSerializer]
public sealed record Commitment(string MeasureId, decimal Target, IReadOnlyDictionary<string, decimal>? Inputs = null);

/// <summary>The two answers a bid gives: how the supplier will deliver the outcomes, and how delivery will be measured and verified.</summary>
[GenerateSerializer]
public sealed record BidAnswers(string Delivery, string Measurement);

/// <summary>
/// A bid as received; <c>SupplierOrganisationId</c> links the supplier to its organisation so its Supplier key can submit
/// returns once it wins. <c>Source</c> says where the bid came from, to name it in errors (e.g. "row 2" of a CSV).
/// </summary>
[GenerateSerializer]
public sealed record NewBid(
    string? Id,
    string Supplier,
    string? SupplierOrganisationId,
    decimal Price,
    IReadOnlyList<NewCommitment> Commitments,
    BidAnswers Answers,
    string? Source = null);

/// <summary>The evaluators' scores of the two answers, each 0–5.</summary>
[GenerateSerializer]
public sealed record BidScores(decimal Delivery, decimal Measurement);

/// <summary>
/// A bid with its scores once evaluated: the social value score is the bid score formula's result (a fraction of the
/// best possible), the weighted score that times the tender's weighting.
/// </summary>
[GenerateSerializer]
public sealed record BidDetails(
    string Id,
    string Supplier,
    string? SupplierOrganisationId,
    decimal Price,
    IReadOnlyList<Commitment> Commitments,
    BidAnswers Answers,
    DateTimeOffset SubmittedAt,
    BidScores? Scores,
    decimal? SocialValueScore,
    decimal? WeightedScore,
    int? ScoreFormulaVersion,
    string? ScoredBy);

/// <summary>A return to submit for a quarter, <c>YYYY-Qn</c>.</summary>
[GenerateSerializer]
public sealed record NewReturn(string? Id, string Period, IReadOnlyList<NewReturnLine> Lines, string Author);

/// <summary>The actual quantity delivered on a committed measure, with the formula's named inputs and evidence.</summary>
[GenerateSerializer]
public sealed record NewReturnLine(string MeasureId, decimal Quantity, IReadOnlyDictionary<string, decimal>? Inputs, string? Evidence);

/// <summary>
/// A line of a return: the measure's figure for the quantity reported (<see cref="Units"/>), and its £ by the term's
/// formula version with the proxy values in force at the period's start. <see cref="Gbp"/> is null, with
/// <see cref="UnvaluedReason"/>, when the formula needs a proxy value not in force then.
/// </summary>
[GenerateSerializer]
public sealed record ReturnLine(
    string MeasureId,
    decimal Quantity,
    IReadOnlyDictionary<string, decimal> Inputs,
    string? Evidence,
    decimal? Gbp,
    int FormulaVersion,
    DateOnly ValuedAt,
    decimal Units,
    string? UnvaluedReason = null);

/// <summary>The commissioner's decision on a return.</summary>
[GenerateSerializer]
public sealed record ReturnVerification(bool Accepted, string? Comment, string By, DateTimeOffset At);

/// <summary>A supplier's return for a quarter.</summary>
[GenerateSerializer]
public sealed record ReturnDetails(
    string Id,
    string Period,
    ReturnStatus Status,
    IReadOnlyList<ReturnLine> Lines,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    ReturnVerification? Verification);

/// <summary>
/// Committed against delivered social value of a contract. Committed is the whole contract's; delivered counts accepted
/// returns only, of the periods in <see cref="Year"/> when one is given. <see cref="SocialValueRatio"/> is delivered net
/// £ against the contract's value (null for a contract of no value).
/// </summary>
[GenerateSerializer]
public sealed record SocialValueTotals(
    string ContractId,
    string OrganisationId,
    string Title,
    string? FrameworkId,
    int? Year,
    IReadOnlyList<MeasureTotal> Measures,
    IReadOnlyList<GroupTotal> Outcomes,
    IReadOnlyList<GroupTotal> Themes,
    ValueTotal Total,
    decimal ContractValue,
    decimal? SocialValueRatio);

/// <summary>
/// One measure's committed and delivered units and £, with each accepted return line. Delivered units add up across
/// periods when the figure is the quantity reported, and are the latest period's figure when it is a share or a change.
/// A £ is null when nothing of it could be valued; <see cref="UnvaluedPeriods"/> counts the lines left out of
/// <see cref="DeliveredValue"/>, and <see cref="Unvalued"/> says whether the measure is left out of any £ total.
/// </summary>
[GenerateSerializer]
public sealed record MeasureTotal(
    string MeasureId,
    string Title,
    string Unit,
    MeasureDirection Direction,
    string ThemeId,
    string OutcomeId,
    int FormulaVersion,
    decimal CommittedUnits,
    decimal DeliveredUnits,
    decimal? CommittedValue,
    decimal? DeliveredValue,
    int UnvaluedPeriods,
    bool Unvalued,
    IReadOnlyList<PeriodValue> Periods,
    decimal? CommittedNetValue,
    decimal? DeliveredNetValue,
    SroiAdjustments? Adjustments);

/// <summary>
/// What one accepted return line delivered: its quantity, its figure in units, its £ (null when unvalued) and the
/// formula version and date it was valued with.
/// </summary>
[GenerateSerializer]
public sealed record PeriodValue(string Period, string ReturnId, decimal Quantity, decimal Units, decimal? Gbp, int FormulaVersion, DateOnly ValuedAt);

/// <summary>
/// An outcome's or theme's totals; units are summed per unit, never across units, and the £ totals leave out the
/// <see cref="UnvaluedMeasures"/> measures that have no valuation.
/// </summary>
[GenerateSerializer]
public sealed record GroupTotal(
    string Id,
    string Name,
    IReadOnlyList<UnitTotal> Units,
    decimal CommittedValue,
    decimal DeliveredValue,
    int UnvaluedMeasures,
    decimal CommittedNetValue,
    decimal DeliveredNetValue);

/// <summary>Committed and delivered quantities of one unit (FTE, hours, £ …).</summary>
[GenerateSerializer]
public sealed record UnitTotal(string Unit, decimal Committed, decimal Delivered);

/// <summary>
/// Committed and delivered social value in £, gross and net of the SROI adjustments (present value), and how many
/// measures those totals leave out because they have no valuation.
/// </summary>
[GenerateSerializer]
public sealed record ValueTotal(decimal CommittedValue, decimal DeliveredValue, int UnvaluedMeasures, decimal CommittedNetValue, decimal DeliveredNetValue);

/// <summary>A performance review: delivered (accepted returns) against committed per measure, flagging shortfalls.</summary>
[GenerateSerializer]
public sealed record PerformanceReview(
    string ContractId,
    ContractStatus State,
    DateTimeOffset ReviewedAt,
    decimal ShortfallThreshold,
    bool ShortfallFlagged,
    IReadOnlyList<MeasurePerformance> Measures,
    IReadOnlyList<string> OverduePeriods);

/// <summary>
/// One measure's delivery so far; <see cref="Shortfall"/> when delivered falls short of committed by more than the threshold.
/// </summary>
[GenerateSerializer]
public sealed record MeasurePerformance(string MeasureId, string Title, string Unit, decimal Committed, decimal Delivered, decimal? DeliveredShare, bool Shortfall);

/// <summary>A contract in an organisation's index: as its commissioner, or as the supplier that won it.</summary>
[GenerateSerializer]
public sealed record ContractSummary(
    string Id,
    string Title,
    string OrganisationId,
    decimal Value,
    ContractStatus State,
    string? FrameworkId,
    string? Supplier,
    string? SupplierOrganisationId);
