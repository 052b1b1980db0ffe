using System.Globalization;
using SocialValue.Errors;
using SocialValue.Workflow;

namespace SocialValue.Contracts;

/// <summary>What the remedy's guards read beyond the remedy: the contract's state, today by the business clock, and delivery now.</summary>
/// <param name="ContractLive">Whether the contract is Live: remedies are worked only then.</param>
/// <param name="Today">Today's date by the business clock, which a plan's due date must be after.</param>
/// <param name="ShortfallMadeGood">Whether accepted returns now put the measure within the shortfall threshold of the commitment.</param>
/// <param name="FiredByScheduler">Whether the scheduler is firing (DueDatePassed is its alone).</param>
public sealed record RemedyContext(bool ContractLive, DateOnly Today, bool ShortfallMadeGood, bool FiredByScheduler);

/// <summary>The supplier's plan as ProposePlan's arguments give it.</summary>
public sealed record PlanArguments(string Text, DateOnly DueDate);

/// <summary>
/// The remedy workflow of DOMAIN.md "Enforcement and reward" over one remedy of a contract: the supplier proposes a
/// recovery plan with a date, the commissioner accepts or rejects it, escalates, or resolves once delivery is made good;
/// an accepted plan whose date passes escalates to the break clause. Its transitions go into the contract's history.
/// </summary>
public sealed class RemedyWorkflow : GrainWorkflow<RemedyStatus, RemedyTrigger>
{
    public const string NeedsLiveContract = "remedies are worked only while the contract is Live";
    public const string DueDateAfterToday = "a recovery plan's due date must be after today";
    public const string PlanStillDue = "the plan's due date has passed; reject it so that the supplier proposes a new one";
    public const string ShortfallMadeGood =
        "a remedy is resolved only once accepted returns bring delivery on its measure within the shortfall threshold of the commitment";
    public const string SchedulerOnly = "DueDatePassed is fired by the scheduler when an accepted plan's due date passes";

    /// <summary>ProposePlan's arguments: the plan's text and its due date (YYYY-MM-DD).</summary>
    public const string Plan = "plan";

    public const string DueDate = "dueDate";

    private static readonly RemedyContext Drawing = new(true, DateOnly.MinValue, true, true);

    public RemedyWorkflow(Remedy remedy, List<TransitionRecord> history, RemedyContext context)
        : base("Remedy", RemedyStatus.Open, () => remedy.Status, status => remedy.Status = status, history, remedy.Subject)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireArguments(RemedyTrigger.ProposePlan, Plan, DueDate);
        RequireArguments(RemedyTrigger.RejectPlan, "reason");
        RequireArguments(RemedyTrigger.Escalate, "reason");
        var propose = Parameter<PlanArguments?>(RemedyTrigger.ProposePlan, PlanOf);
        var live = Guard(() => context.ContractLive, NeedsLiveContract);

        Machine.Configure(RemedyStatus.Open)
            .OnEntryFrom(RemedyTrigger.RejectPlan, () =>
            {
                (remedy.Plan, remedy.DueDate) = (null, null);
                (remedy.PlanProposedBy, remedy.PlanProposedAt) = (null, null);
            }, "withdraw the rejected plan (its text stays in the history)")
            .PermitIf(propose, RemedyStatus.PlanProposed,
                Guard<PlanArguments?>(_ => context.ContractLive, NeedsLiveContract),
                Guard<PlanArguments?>(plan => plan is null || plan.DueDate > context.Today, DueDateAfterToday))
            .PermitIf(RemedyTrigger.Escalate, RemedyStatus.Escalated, live);
        Machine.Configure(RemedyStatus.PlanProposed)
            .OnEntryFrom(propose, plan =>
            {
                (remedy.Plan, remedy.DueDate) = (plan!.Text, plan.DueDate);
                (remedy.PlanProposedBy, remedy.PlanProposedAt) = (FiredBy, FiredAt);
            }, "record the plan and its due date")
            .PermitIf(RemedyTrigger.Accept, RemedyStatus.Recovering, live,
                Guard(() => remedy.DueDate is not { } due || due >= context.Today, PlanStillDue))
            .PermitIf(RemedyTrigger.RejectPlan, RemedyStatus.Open, live)
            .PermitIf(RemedyTrigger.Escalate, RemedyStatus.Escalated, live);
        Machine.Configure(RemedyStatus.Recovering)
            .PermitIf(RemedyTrigger.Resolve, RemedyStatus.Resolved, live, Guard(() => context.ShortfallMadeGood, ShortfallMadeGood))
            .PermitIf(RemedyTrigger.Escalate, RemedyStatus.Escalated, live)
            .PermitIf(RemedyTrigger.DueDatePassed, RemedyStatus.EscalatedToBreakClause, live, Guard(() => context.FiredByScheduler, SchedulerOnly));
    }

    /// <summary>The workflow as it is drawn: over a new remedy, whose entry actions are never run.</summary>
    public static RemedyWorkflow Diagram => new(new Remedy(), [], Drawing);

    private static PlanArguments PlanOf(TriggerArguments arguments)
    {
        var text = arguments.Get(Plan).Trim();
        var given = arguments.Get(DueDate).Trim();
        return DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? new PlanArguments(text, due)
            : throw new ValidationException(DueDate, $"'{given}' is not a date; write the plan's due date as YYYY-MM-DD, e.g. 2027-03-31.");
    }
}
