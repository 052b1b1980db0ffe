using Orleans.Concurrency;
using SocialValue.Frameworks;
using SocialValue.Indexes;
using SocialValue.Scheduling;
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
    Task<ContractDetails> FireAsync(TransitionRequest request, string? expectedETag);

    /// <summary>
    /// Chooses outcomes and measures from the adopted framework, marking the outcomes that cannot be linked to the
    /// contract's subject matter (<paramref name="contractTermOutcomeIds"/>, a subset of the outcomes): their commitments
    /// become contract terms instead of contract KPIs (seed 004). Only while in Specification.
    /// </summary>
    Task<ContractDetails> SpecifyAsync(
        IReadOnlyList<string> outcomeIds, IReadOnlyList<string> measureIds, IReadOnlyList<string> contractTermOutcomeIds, string? expectedETag);

    /// <summary>Sets the tender's social value weighting, a fraction within the allowed range; only while in Specification.</summary>
    Task<ContractDetails> SetTenderAsync(decimal socialValueWeighting, string? expectedETag);

    /// <summary>
    /// Sets this contract's SROI adjustments for one of its specified measures, in place of the framework's defaults;
    /// null goes back to the defaults. The £ the contract reports are netted with them from then on.
    /// </summary>
    Task<ContractDetails> SetAdjustmentsAsync(string measureId, SroiAdjustments? adjustments, string? expectedETag);

    /// <summary>Receives bids while Tendering, all or none: one invalid bid or commitment rejects them all.</summary>
    Task<IReadOnlyList<BidDetails>> SubmitBidsAsync(IReadOnlyList<NewBid> bids, string? expectedETag);

    /// <summary>Scores a bid's two answers (0–5 each) while in Evaluation, with the score formula version of the tender.</summary>
    Task<BidDetails> ScoreBidAsync(string bidId, BidScores scores, string actor, string? expectedETag);

    /// <summary>Every bid, ranked: scored bids by weighted score (then price), then unscored ones.</summary>
    Task<IReadOnlyList<BidDetails>> GetBidsAsync();

    /// <summary>Submits a quarterly return while Live, on committed measures only; each line is valued at once.</summary>
    Task<ReturnDetails> SubmitReturnAsync(NewReturn newReturn, string? expectedETag);

    /// <summary>The commissioner accepts or rejects a submitted return; a rejection needs a comment.</summary>
    Task<ReturnDetails> VerifyReturnAsync(string returnId, bool accepted, string? comment, string actor, string? expectedETag);

    /// <summary>Every return, by period then submission.</summary>
    Task<IReadOnlyList<ReturnDetails>> GetReturnsAsync();

    /// <summary>Committed against delivered per measure, outcome and theme, in units and £; delivered only of <paramref name="year"/> when given.</summary>
    Task<SocialValueTotals> GetSocialValueAsync(int? year);

    /// <summary>Delivered against committed per measure now, flagging shortfalls past the configured threshold.</summary>
    Task<PerformanceReview> GetPerformanceAsync();
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
