namespace SocialValue.Contracts;

/// <summary>
/// The triggers a contract's history records, named for the API: the commissioning cycle's (<see cref="ContractTrigger"/>),
/// <c>ReviewPerformance</c> for a recorded performance review, and the remedy workflow's (<see cref="RemedyTrigger"/>) for
/// the steps of the contract's remedies. The history is stored as text; these are exactly the names it holds.
/// </summary>
public enum ContractHistoryTrigger
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
    ReviewPerformance,
    ProposePlan,
    RejectPlan,
    Accept,
    Resolve,
    Escalate,
    DueDatePassed,
}

/// <summary>
/// The states a contract's history records, named for the API: the commissioning cycle's (<see cref="ContractStatus"/>;
/// a performance review stays in the cycle's state) and the remedy workflow's (<see cref="RemedyStatus"/>) for the steps
/// of the contract's remedies. No name is in both workflows.
/// </summary>
public enum ContractHistoryState
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
    Open,
    PlanProposed,
    Recovering,
    Resolved,
    Escalated,
    EscalatedToBreakClause,
}
