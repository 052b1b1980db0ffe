using SocialValue.Workflow;

namespace SocialValue.Contracts;

/// <summary>The commissioning cycle of seeds 002 §5 and 004: one transition table, guards with the sentences the API returns.</summary>
public static class ContractWorkflow
{
    public const string NeedsOutcome = "a tender needs at least one outcome in the specification";
    public const string NeedsWeighting = "a tender needs a social value weighting";
    public const string NeedsBid = "a tender can close only once at least one bid has arrived";
    public const string NeedsScoredBid = "an award needs at least one scored bid";
    public const string AwardNamesScoredBid = "the award must name a scored bid of this contract";
    public const string NeedsCommitments = "a contract can go live only with social value commitments from the awarded bid";

    public const string BidId = "bidId";

    public static Workflow<ContractStatus, ContractTrigger, ContractState> Definition { get; } = Define();

    private static Workflow<ContractStatus, ContractTrigger, ContractState> Define()
    {
        var workflow = new Workflow<ContractStatus, ContractTrigger, ContractState>("Commissioning cycle");

        workflow.Configure(ContractStatus.Initiated)
            .Permit(ContractTrigger.AnalyseNeeds, ContractStatus.NeedsAnalysis)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        workflow.Configure(ContractStatus.NeedsAnalysis)
            .Permit(ContractTrigger.Consult, ContractStatus.Consultation)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        workflow.Configure(ContractStatus.Consultation)
            .Permit(ContractTrigger.Specify, ContractStatus.Specification)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        workflow.Configure(ContractStatus.Specification)
            .PermitIf(ContractTrigger.PublishTender, ContractStatus.Tendering, c => c.OutcomeIds.Count > 0, NeedsOutcome)
            .Guard(ContractTrigger.PublishTender, c => c.Weighting is not null, NeedsWeighting)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        workflow.Configure(ContractStatus.Tendering)
            .PermitIf(ContractTrigger.CloseTender, ContractStatus.Evaluation, c => c.Bids.Count > 0, NeedsBid)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        workflow.Configure(ContractStatus.Evaluation)
            .PermitIf(ContractTrigger.Award, ContractStatus.Awarded, c => c.Bids.Any(b => b.Scores is not null), NeedsScoredBid)
            .Guard(ContractTrigger.Award, (c, arguments) => arguments.TryGet(BidId, out var bidId) && c.IsScored(bidId), AwardNamesScoredBid)
            .Permit(ContractTrigger.Cancel, ContractStatus.Cancelled);
        workflow.Configure(ContractStatus.Awarded)
            .PermitIf(ContractTrigger.GoLive, ContractStatus.Live, c => c.Terms.Count > 0, NeedsCommitments);
        workflow.Configure(ContractStatus.Live)
            .Permit(ContractTrigger.Complete, ContractStatus.Completed)
            .Permit(ContractTrigger.Terminate, ContractStatus.Terminated);

        workflow.RequireArguments(ContractTrigger.Award, BidId);
        workflow.RequireArguments(ContractTrigger.Terminate, "reason");
        workflow.RequireArguments(ContractTrigger.Cancel, "reason");
        return workflow;
    }
}
