using Orleans.Concurrency;
using SocialValue.Frameworks;
using SocialValue.Indexes;
using SocialValue.Scheduling;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.Contracts;

/// <summary>
/// A contract, keyed by its slug id, run through the commissioning cycle: specification, tender, bids, award, monitored
/// delivery. Every mutation takes the version the caller read (null to skip the check) and fails with
/// <see cref="Errors.PreconditionFailedException"/> when it is stale.
/// </summary>
public interface IContractGrain : IDeadlineGrain
{
    /// <summary>Initiates the contract; 409 when the id exists, 422 when the commissioner or framework is not valid.</summary>
    Task<ContractDetails> CreateAsync(NewContract contract);

    /// <summary>The contract; 404 when it was never created.</summary>
    Task<ContractDetails> GetAsync();

    /// <summary>The triggers permitted now and those blocked, with the reasons.</summary>
    Task<TransitionOptions> GetTransitionsAsync();

    /// <summary>The commissioning cycle as a Mermaid diagram.</summary>
    Task<string> GetDiagramAsync();

    /// <summary>Fires a trigger of the commissioning cycle; 409 with the reasons when it is not permitted now.</summary>
    Task<ContractDetails> FireAsync(TransitionRequest request, VersionCondition? expected);

    /// <summary>
    /// Chooses outcomes and measures from the adopted framework, marking the outcomes that cannot be linked to the
    /// contract's subject matter (<paramref name="contractTermOutcomeIds"/>, a subset of the outcomes): their commitments
    /// become contract terms instead of contract KPIs (seed 004). Only while in Specification.
    /// </summary>
    Task<ContractDetails> SpecifyAsync(
        IReadOnlyList<string> outcomeIds, IReadOnlyList<string> measureIds, IReadOnlyList<string> contractTermOutcomeIds, VersionCondition? expected);

    /// <summary>Sets the tender's social value weighting, a fraction within the allowed range; only while in Specification.</summary>
    Task<ContractDetails> SetTenderAsync(decimal socialValueWeighting, VersionCondition? expected);

    /// <summary>
    /// Sets the planned service start (step 6's lead time is measured to it) and step 12's answer; a null leaves a field
    /// as it is. Any state: planning may be revised until the contract is done.
    /// </summary>
    Task<ContractDetails> SetPlanningAsync(DateOnly? plannedServiceStart, bool? breakClauseCoversSocialValue, VersionCondition? expected);

    /// <summary>Updates one of the 12 steps (1–12): its status, owner or date; 404 for another number.</summary>
    Task<ContractDetails> UpdateStepAsync(int number, StepUpdate update, VersionCondition? expected);

    /// <summary>
    /// Sets this contract's SROI adjustments for one of its specified measures, in place of the framework's defaults;
    /// null goes back to the defaults. The £ the contract reports are netted with them from then on.
    /// </summary>
    Task<ContractDetails> SetAdjustmentsAsync(string measureId, SroiAdjustments? adjustments, VersionCondition? expected);

    /// <summary>Receives bids while Tendering, all or none: one invalid bid or commitment rejects them all.</summary>
    Task<Versioned<IReadOnlyList<BidDetails>>> SubmitBidsAsync(IReadOnlyList<NewBid> bids, VersionCondition? expected);

    /// <summary>Scores a bid's two answers (0–5 each) while in Evaluation, with the score formula version of the tender.</summary>
    Task<Versioned<BidDetails>> ScoreBidAsync(string bidId, BidScores scores, string actor, VersionCondition? expected);

    /// <summary>Every bid, ranked: scored bids by weighted score (then price), then unscored ones.</summary>
    Task<IReadOnlyList<BidDetails>> GetBidsAsync();

    /// <summary>Submits a quarterly return while Live, on committed measures only; each line is valued at once.</summary>
    Task<Versioned<ReturnDetails>> SubmitReturnAsync(NewReturn newReturn, VersionCondition? expected);

    /// <summary>The commissioner accepts or rejects a submitted return; a rejection needs a comment.</summary>
    Task<Versioned<ReturnDetails>> VerifyReturnAsync(string returnId, bool accepted, string? comment, string actor, VersionCondition? expected);

    /// <summary>Every return, by period then submission.</summary>
    Task<IReadOnlyList<ReturnDetails>> GetReturnsAsync();

    /// <summary>Committed against delivered per measure, outcome and theme, in units and £; delivered only of <paramref name="year"/> when given.</summary>
    Task<SocialValueTotals> GetSocialValueAsync(int? year);

    /// <summary>Delivered against committed per measure now, flagging shortfalls past the configured threshold.</summary>
    Task<PerformanceReview> GetPerformanceAsync();

    /// <summary>
    /// Records a performance review while Live: the snapshot, a remedy opened on each measure in shortfall that has no
    /// unfinished one, over-delivery and the given demand reductions flagged for an extension opportunity, all in the history.
    /// </summary>
    Task<Versioned<PerformanceReviewDetails>> RecordReviewAsync(NewPerformanceReview review, VersionCondition? expected);

    /// <summary>Every recorded performance review, in order.</summary>
    Task<IReadOnlyList<PerformanceReviewDetails>> GetReviewsAsync();

    /// <summary>Every remedy the reviews opened, in order.</summary>
    Task<IReadOnlyList<RemedyDetails>> GetRemediesAsync();

    /// <summary>The remedy's triggers permitted now and those blocked, with the reasons; 404 for no such remedy.</summary>
    Task<TransitionOptions> GetRemedyTransitionsAsync(string remedyId);

    /// <summary>The remedy workflow as a Mermaid diagram.</summary>
    Task<string> GetRemedyDiagramAsync();

    /// <summary>
    /// Fires a trigger of the remedy workflow on one remedy, recorded in the contract's history; 409 with the reasons when it
    /// is not permitted now. An accepted plan's due date is scheduled, and passing it escalates the remedy to the break clause.
    /// </summary>
    Task<Versioned<RemedyDetails>> FireRemedyAsync(string remedyId, TransitionRequest request, VersionCondition? expected);
}

/// <summary>The contracts of one organisation (keyed by its id): those it commissions and those it won as a supplier.</summary>
public interface IContractIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a contract's line.</summary>
    Task UpsertAsync(ContractSummary summary);

    /// <summary>Up to <paramref name="limit"/> contracts after <paramref name="after"/>, by title then id.</summary>
    [AlwaysInterleave]
    Task<IndexPage<ContractSummary>> ListAsync(IndexPosition? after, int limit);
}
