using SocialValue.Workflow;

namespace SocialValue.Contracts;

/// <summary>What entering a state of the cycle needs from the grain, which alone reads other grains.</summary>
/// <param name="ScoreFormulaVersionAsync">The current version of the bid score formula, fixed when the tender is published.</param>
/// <param name="AwardAsync">Copies the named bid's commitments into the contract's terms, valued, and records the award.</param>
/// <param name="GoLive">Starts the contract's life at the given time: the date and the first return due.</param>
public sealed record ContractEffects(Func<Task<int>> ScoreFormulaVersionAsync, Func<string, Task> AwardAsync, Action<DateTimeOffset> GoLive);

/// <summary>The commissioning cycle of seeds 002 §5 and 004 over a contract's state: one transition table, guards with the sentences the API returns.</summary>
public sealed class ContractWorkflow : GrainWorkflow<ContractStatus, ContractTrigger>
{
    public const string NeedsOutcome = "a tender needs at least one outcome in the specification";
    public const string NeedsWeighting = "a tender needs a social value weighting";
    public const string NeedsBid = "a tender can close only once at least one bid has arrived";
    public const string NeedsScoredBid = "an award needs at least one scored bid";
    public const string AwardNamesScoredBid = "the award must name a scored bid of this contract";
    public const string NeedsCommitments = "a contract can go live only with social value commitments from the awarded bid";

    public const string BidId = "bidId";

    /// <summary>The PublishTender argument that acknowledges a lead time under step 6's six months.</summary>
    public const string AcknowledgeShortLeadTime = "acknowledgeShortLeadTime";

    public const string ShortLeadTime =
        "step 6 asks for at least six months between starting commissioning and the service start; publish with acknowledgeShortLeadTime: true to go ahead with less";

    private static readonly ContractEffects NoEffects = new(() => Task.FromResult(0), _ => Task.CompletedTask, _ => { });

    public ContractWorkflow(ContractState contract, ContractEffects effects)
        : base("Commissioning cycle", ContractStatus.Initiated, () => contract.Status, status => contract.Status = status, contract.History)
    {
        ArgumentNullException.ThrowIfNull(effects);
        RequireArguments(ContractTrigger.Award, BidId);
        RequireArguments(ContractTrigger.Terminate, "reason");
        RequireArguments(ContractTrigger.Cancel, "reason");
        var award = Parameter<string?>(ContractTrigger.Award, arguments => arguments.Get(BidId));
        var publish = Parameter<bool>(ContractTrigger.PublishTender,
            arguments => arguments.TryGet(AcknowledgeShortLeadTime, out var given) && bool.TryParse(given, out var acknowledged) && acknowledged);

        Machine.Configure(ContractStatus.Initiated)
            .Permit(ContractTrigger.AnalyseNeeds, ContractStatus.NeedsAnalysis)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        Machine.Configure(ContractStatus.NeedsAnalysis)
            .Permit(ContractTrigger.Consult, ContractStatus.Consultation)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        Machine.Configure(ContractStatus.Consultation)
            .Permit(ContractTrigger.Specify, ContractStatus.Specification)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        Machine.Configure(ContractStatus.Specification)
            .PermitIf(publish, ContractStatus.Tendering,
                Guard<bool>(_ => contract.OutcomeIds.Count > 0, NeedsOutcome),
                Guard<bool>(_ => contract.Weighting is not null, NeedsWeighting),
                Guard<bool>(acknowledged => acknowledged || !contract.LeadTimeShort(), ShortLeadTime))
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        Machine.Configure(ContractStatus.Tendering)
            .OnEntryFromAsync(ContractTrigger.PublishTender,
                async () => contract.ScoreFormulaVersion = await effects.ScoreFormulaVersionAsync(), "fix the score formula version")
            .PermitIf(ContractTrigger.CloseTender, ContractStatus.Evaluation, () => contract.Bids.Count > 0, NeedsBid)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        Machine.Configure(ContractStatus.Evaluation)
            .PermitIf(award, ContractStatus.Awarded,
                Guard<string?>(_ => contract.Bids.Any(b => b.Scores is not null), NeedsScoredBid),
                Guard<string?>(bidId => bidId is null || contract.IsScored(bidId), AwardNamesScoredBid))
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        Machine.Configure(ContractStatus.Awarded)
            .OnEntryFromAsync(award, bidId => effects.AwardAsync(bidId!), "copy the bid's commitments into terms")
            .PermitIf(ContractTrigger.GoLive, ContractStatus.Live, () => contract.Terms.Count > 0, NeedsCommitments);
        Machine.Configure(ContractStatus.Live)
            .OnEntryFrom(ContractTrigger.GoLive, () => effects.GoLive(FiredAt), "date the start and the first return due")
            .Permit(ContractTrigger.Complete, ContractStatus.Completed)
            .Permit(ContractTrigger.Terminate, ContractStatus.Terminated);
    }

    /// <summary>The cycle as it is drawn: over a new contract, whose entry actions are never run.</summary>
    public static ContractWorkflow Diagram => new(new ContractState(), NoEffects);
}
