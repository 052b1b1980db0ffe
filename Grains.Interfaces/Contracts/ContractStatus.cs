namespace SocialValue.Contracts;

/// <summary>Where a contract is in the commissioning cycle (API.md, Contracts and the commissioning cycle).</summary>
[GenerateSerializer]
public enum ContractStatus
{
    Initiated,
    NeedsAnalysis,
    Consultation,
    Specification,
    Tendering,
    Evaluation,
    Awarded,
    Live,
    Completed,
    Terminated,
    Cancelled,
}

/// <summary>The triggers of the commissioning cycle, in the order a contract meets them.</summary>
[GenerateSerializer]
public enum ContractTrigger
{
    AnalyseNeeds,
    Consult,
    Specify,
    PublishTender,
    CloseTender,
    Award,
    GoLive,
    Complete,
    Terminate,
    Cancel,
}

/// <summary>Whether a quarterly return that fell due has arrived.</summary>
[GenerateSerializer]
public enum ReturnDueStatus
{
    Due,
    Received,
    Overdue,
}

/// <summary>Where a supplier's return is in verification; only accepted returns count as delivered.</summary>
[GenerateSerializer]
public enum ReturnStatus
{
    Submitted,
    Accepted,
    Rejected,
}
