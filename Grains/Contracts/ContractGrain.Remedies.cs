using SocialValue.Errors;
using SocialValue.Scheduling;
using SocialValue.Versions;
using SocialValue.Workflow;
using static System.FormattableString;

namespace SocialValue.Contracts;

/// <summary>Enforcement and reward (DOMAIN.md): performance reviews, the remedies they open, and the remedies' due dates.</summary>
public sealed partial class ContractGrain
{
    /// <summary>The deadline of a remedy's accepted plan is named after the remedy: <c>remedy-due/remedy-1</c>.</summary>
    public const string RemedyDueDeadline = "remedy-due/";

    public const string Scheduler = "scheduler";

    public async Task<Versioned<PerformanceReviewDetails>> RecordReviewAsync(NewPerformanceReview review, VersionCondition? expected)
    {
        EnsureVersion(expected);
        EnsureState(ContractStatus.Live, "Performance reviews are recorded only while the contract is Live");
        var now = time.GetUtcNow();
        var recorded = PerformanceReviews.Record(State, SocialValueLedger.Review(Key, State, options.ShortfallThreshold, now), review, now);
        var saved = await SaveAsync();
        return new(PerformanceReviews.DetailsOf(Key, State, recorded), saved.ETag);
    }

    public Task<IReadOnlyList<PerformanceReviewDetails>> GetReviewsAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<PerformanceReviewDetails>>([.. State.Reviews.Select(r => PerformanceReviews.DetailsOf(Key, State, r))]);
    }

    public Task<IReadOnlyList<RemedyDetails>> GetRemediesAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<RemedyDetails>>([.. State.Remedies.Select(r => PerformanceReviews.DetailsOf(State, r))]);
    }

    public Task<TransitionOptions> GetRemedyTransitionsAsync(string remedyId)
    {
        EnsureExists();
        return RemedyWorkflowOf(RemedyOf(remedyId), firedByScheduler: false).GetTransitionsAsync();
    }

    public Task<string> GetRemedyDiagramAsync() => Task.FromResult(RemedyWorkflow.Diagram.ToMermaid());

    public async Task<Versioned<RemedyDetails>> FireRemedyAsync(string remedyId, TransitionRequest request, VersionCondition? expected)
    {
        EnsureVersion(expected);
        var remedy = RemedyOf(remedyId);
        var fired = await RemedyWorkflowOf(remedy, firedByScheduler: false).FireAsync(request, time.GetUtcNow());
        if (fired.To == RemedyStatus.PlanProposed)
        {
            State.History[^1] = fired.Record with { Reason = $"recovery plan due {remedy.DueDate:yyyy-MM-dd}: {remedy.Plan}" };
        }
        return new(PerformanceReviews.DetailsOf(State, remedy), (await SaveRemedyAsync(remedy)).ETag);
    }

    private async Task OnRemedyDueAsync(string deadline, string jobId)
    {
        var remedy = contract.RecordExists ? State.Remedies.FirstOrDefault(r => deadline == RemedyDueDeadline + r.Id) : null;
        // At-least-once delivery: a second firing, or one for a plan replaced or a remedy closed meanwhile, finds nothing to do.
        if (remedy is not { Status: RemedyStatus.Recovering } || State.Status != ContractStatus.Live || jobId != remedy.DueJob?.JobId)
        {
            return;
        }
        var now = time.GetUtcNow();
        if (remedy.PassesAt > now + Deadlines.Tolerance)
        {
            // Our job ran early (another machine's clock runs ahead): a new one waits for the plan's real date.
            remedy.DueJob = deadlines.Schedule<IContractGrain>(Key, deadline, remedy.PassesAt!.Value, current: null);
            await SaveAsync();
            return;
        }
        remedy.DueJob = null; // the job calling now ends by itself; deleting it while it runs would abort it
        var request = new TransitionRequest(nameof(RemedyTrigger.DueDatePassed), Scheduler, BreakClauseReason(remedy, now), new Dictionary<string, string>());
        await RemedyWorkflowOf(remedy, firedByScheduler: true).FireAsync(RemedyTrigger.DueDatePassed, request, now);
        await SaveAsync();
    }

    /// <summary>Writes a remedy's transition, with the job of its due date scheduled while it is Recovering and released after.</summary>
    private async Task<ContractDetails> SaveRemedyAsync(Remedy remedy)
    {
        var scheduled = remedy.DueJob;
        remedy.DueJob = remedy.Status == RemedyStatus.Recovering
            ? deadlines.Schedule<IContractGrain>(Key, RemedyDueDeadline + remedy.Id, remedy.PassesAt!.Value, scheduled)
            : null;
        var saved = await SaveAsync();
        deadlines.Release(scheduled, remedy.DueJob);
        return saved;
    }

    /// <summary>Why the remedy goes to the break clause, and whether step 12 put social value failure in it.</summary>
    private string BreakClauseReason(Remedy remedy, DateTimeOffset now)
    {
        var measure = Performance(remedy, now);
        var breakClause = State.BreakClauseCoversSocialValue switch
        {
            true => "step 12 records that failure to deliver social value is in the contract's break clause",
            false => "step 12 records that failure to deliver social value is not in the contract's break clause",
            null => "step 12 has not recorded whether failure to deliver social value is in the contract's break clause",
        };
        return Invariant($"the recovery plan's due date {remedy.DueDate:yyyy-MM-dd} passed with '{measure.Title}' at {measure.Delivered} of {measure.Committed} {measure.Unit}; {breakClause}");
    }

    private MeasurePerformance Performance(Remedy remedy, DateTimeOffset now) =>
        SocialValueLedger.Review(Key, State, options.ShortfallThreshold, now).Measures.First(m => m.MeasureId == remedy.MeasureId);

    private RemedyWorkflow RemedyWorkflowOf(Remedy remedy, bool firedByScheduler)
    {
        var now = time.GetUtcNow();
        return new RemedyWorkflow(remedy, State.History, new RemedyContext(
            State.Status == ContractStatus.Live, DateOnly.FromDateTime(now.UtcDateTime), !Performance(remedy, now).Shortfall, firedByScheduler));
    }

    private Remedy RemedyOf(string remedyId) =>
        State.Remedies.FirstOrDefault(r => r.Id == remedyId) ?? throw new NotFoundException($"Contract '{Key}' has no remedy '{remedyId}'.");
}
