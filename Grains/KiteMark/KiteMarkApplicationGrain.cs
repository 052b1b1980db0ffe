using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Errors;
using SocialValue.Scheduling;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.KiteMark;

public sealed class KiteMarkApplicationGrain(
    [PersistentState("kite-mark-application", "store")] IPersistentState<KiteMarkApplicationState> application,
    Deadlines deadlines,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IKiteMarkApplicationGrain
{
    public const string ExpiryDeadline = "expire";
    public const string Scheduler = "scheduler";

    private KiteMarkApplicationState State => application.State;

    private KiteMarkWorkflow Workflow(bool firedByScheduler) => new(State, Guards(firedByScheduler));

    public async Task<KiteMarkApplicationDetails> CreateAsync(NewKiteMarkApplication request)
    {
        if (application.RecordExists)
        {
            throw new ConflictException($"Kite Mark application '{Key}' exists already.");
        }
        var applicant = await KiteMarkEligibility.OrganisationAsync(GrainFactory, request.OrganisationId, "organisationId");
        var awardingBody = await KiteMarkEligibility.OrganisationAsync(GrainFactory, request.AwardingBodyId, "awardingBodyId");
        await KiteMarkEligibility.EnsureMayApplyAsync(GrainFactory, applicant, awardingBody);
        var scheme = await SchemeAsync(request.SchemeId, awardingBody.Id);

        var now = time.GetUtcNow();
        application.State = new KiteMarkApplicationState
        {
            OrganisationId = applicant.Id,
            OrganisationName = applicant.Name,
            AwardingBodyId = awardingBody.Id,
            Scheme = scheme,
            ConsentToPublish = request.ConsentToPublish,
            State = KiteMarkWorkflow.Diagram.InitialState,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Index().OpenAsync(Summary());
        await application.WriteStateAsync();
        await FollowUpAsync("applicant-index", () => ApplicantIndex().UpsertAsync(Summary()));
        return Details();
    }

    public Task<KiteMarkApplicationDetails> GetAsync() => Task.FromResult(Details());

    public async Task<KiteMarkApplicationDetails> SetConsentAsync(bool consentToPublish, VersionCondition? expected)
    {
        EnsureVersion(expected);
        if (State.State != KiteMarkState.Draft)
        {
            throw new ConflictException($"Consent is given with the application, while Draft; the application is {State.State}.");
        }
        State.ConsentToPublish = consentToPublish;
        await SaveAsync();
        return Details();
    }

    public async Task<Versioned<EvidenceDetails>> AddEvidenceAsync(NewEvidence evidence, VersionCondition? expected)
    {
        EnsureVersion(expected);
        if (!State.State.IsOpen())
        {
            throw new ConflictException(
                $"Evidence can be added while Draft, Submitted, UnderReview or MoreEvidenceRequested; the application is {State.State}.");
        }
        var theme = State.Scheme.Themes.FirstOrDefault(t => t.Criteria.Any(c => c.Id == evidence.CriterionId))
            ?? throw new ValidationException("criterionId", $"Scheme '{State.Scheme.Id}' has no criterion '{evidence.CriterionId}'.");
        var added = new EvidenceDetails($"e{State.Evidence.Count + 1}", evidence.CriterionId, theme.Id, evidence.Description,
            evidence.Link, time.GetUtcNow(), evidence.Actor, null);
        State.Evidence.Add(added);
        await SaveAsync();
        return new(added, application.Etag!);
    }

    public async Task<Versioned<EvidenceDetails>> ReviewEvidenceAsync(string evidenceId, bool accepted, string comment, string actor, VersionCondition? expected)
    {
        EnsureVersion(expected);
        if (State.State is not (KiteMarkState.Submitted or KiteMarkState.UnderReview or KiteMarkState.MoreEvidenceRequested))
        {
            throw new ConflictException(
                $"Evidence is reviewed once the application is submitted and until it is decided; the application is {State.State}.");
        }
        var index = State.Evidence.FindIndex(e => e.Id == evidenceId);
        if (index < 0)
        {
            throw new NotFoundException($"Application '{Key}' has no evidence '{evidenceId}'.");
        }
        var reviewed = State.Evidence[index] with { Review = new EvidenceReview(accepted, comment, time.GetUtcNow(), actor) };
        State.Evidence[index] = reviewed;
        await SaveAsync();
        return new(reviewed, application.Etag!);
    }

    public Task<TransitionOptions> GetTransitionsAsync()
    {
        EnsureExists();
        return Workflow(firedByScheduler: false).GetTransitionsAsync();
    }

    public async Task<KiteMarkApplicationDetails> FireAsync(TransitionRequest request, VersionCondition? expected)
    {
        EnsureVersion(expected);
        await ApplyAsync(await Workflow(firedByScheduler: false).FireAsync(request, time.GetUtcNow()));
        return Details();
    }

    public Task<string> GetDiagramAsync() => Task.FromResult(KiteMarkWorkflow.Diagram.ToMermaid());

    public async Task OnDeadlineAsync(string deadline, string jobId)
    {
        // At-least-once delivery: a second firing, or one for an award revoked meanwhile, finds nothing to expire.
        if (deadline != ExpiryDeadline || !application.RecordExists || State.State != KiteMarkState.Awarded || jobId != State.ExpiryJob?.JobId)
        {
            return;
        }
        if (State.ValidUntil > time.GetUtcNow() + Deadlines.Tolerance)
        {
            // Our job ran early (another machine's clock runs ahead): a new one waits for the award's real end.
            State.ExpiryJob = deadlines.Schedule<IKiteMarkApplicationGrain>(Key, ExpiryDeadline, State.ValidUntil!.Value, current: null);
            await SaveAsync();
            return;
        }
        var reason = $"the award's validity of {State.Scheme.Validity} ended at {State.ValidUntil:O}";
        var request = new TransitionRequest(nameof(KiteMarkTrigger.Expire), Scheduler, reason, new Dictionary<string, string>());
        State.ExpiryJob = null; // the job calling now ends by itself; deleting it while it runs would abort it
        await ApplyAsync(await Workflow(firedByScheduler: true).FireAsync(KiteMarkTrigger.Expire, request, time.GetUtcNow()));
    }

    private async Task ApplyAsync(WorkflowTransition<KiteMarkState> transition)
    {
        var scheduled = State.ExpiryJob;
        State.ExpiryJob = State.State == KiteMarkState.Awarded
            ? deadlines.Schedule<IKiteMarkApplicationGrain>(Key, ExpiryDeadline, State.ValidUntil!.Value, scheduled)
            : null;
        await SaveAsync();
        deadlines.Release(scheduled, State.ExpiryJob);

        if (transition.To is KiteMarkState.Awarded or KiteMarkState.Revoked or KiteMarkState.Expired or KiteMarkState.Lapsed)
        {
            await FollowUpAsync("register", SyncRegisterAsync);
        }
    }

    /// <summary>Puts the register in line with the application as it is now: a holder while awarded, absent otherwise.</summary>
    private Task SyncRegisterAsync()
    {
        var register = GrainFactory.GetGrain<IKiteMarkRegisterGrain>(IKiteMarkRegisterGrain.Register);
        return State.State == KiteMarkState.Awarded
            ? register.AddAsync(new KiteMarkHolder(
                State.OrganisationId, State.OrganisationName, Key, State.AwardingBodyId, State.AwardedOn!.Value, State.ValidUntil!.Value))
            : register.RemoveAsync(State.OrganisationId, Key);
    }

    private async Task SaveAsync()
    {
        State.UpdatedAt = time.GetUtcNow();
        await application.WriteStateAsync();
        await FollowUpAsync("index", () => Index().UpsertAsync(Summary()));
        await FollowUpAsync("applicant-index", () => ApplicantIndex().UpsertAsync(Summary()));
    }

    private async Task<KiteMarkSchemeDefinition> SchemeAsync(string schemeId, string awardingBodyId)
    {
        KiteMarkSchemeDetails scheme;
        try
        {
            scheme = await GrainFactory.GetGrain<IKiteMarkSchemeGrain>(schemeId).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new ValidationException("schemeId", $"There is no Kite Mark scheme '{schemeId}'.");
        }
        return scheme.ReadOnly || scheme.AwardingBodyId is null || scheme.AwardingBodyId == awardingBodyId
            ? scheme.Scheme
            : throw new ValidationException("schemeId",
                $"Scheme '{schemeId}' is the local scheme of '{scheme.AwardingBodyId}'; '{awardingBodyId}' awards under its own or the shipped one.");
    }

    private KiteMarkContext Guards(bool firedByScheduler) =>
        new(State.ConsentToPublish, AcceptedCriteria(), firedByScheduler);

    private HashSet<string> AcceptedCriteria() =>
        [.. State.Evidence.Where(e => e.Counts).Select(e => e.CriterionId)];

    private IKiteMarkApplicationIndexGrain Index() => GrainFactory.GetGrain<IKiteMarkApplicationIndexGrain>(State.AwardingBodyId);

    private IKiteMarkApplicantIndexGrain ApplicantIndex() => GrainFactory.GetGrain<IKiteMarkApplicantIndexGrain>(State.OrganisationId);

    private void EnsureExists()
    {
        if (!application.RecordExists)
        {
            throw new NotFoundException($"There is no Kite Mark application '{Key}'.");
        }
    }

    private void EnsureVersion(VersionCondition? expected)
    {
        EnsureExists();
        VersionCondition.Check(expected, application.Etag);
    }

    private KiteMarkApplicationSummary Summary() =>
        new(Key, State.OrganisationId, State.OrganisationName, State.AwardingBodyId, State.Scheme.Id, State.State,
            State.UpdatedAt, State.AwardedOn, State.ValidUntil);

    private KiteMarkApplicationDetails Details()
    {
        EnsureExists();
        var accepted = AcceptedCriteria();
        var coverage = State.Scheme.Themes.Select(theme =>
        {
            var evidence = State.Evidence.Where(e => e.ThemeId == theme.Id).ToList();
            var acceptedCount = evidence.Count(e => e.Counts);
            return new ThemeCoverage(theme.Id, theme.Name, acceptedCount, evidence.Count(e => e.Review is null),
                evidence.Count(e => e.Review is { Accepted: false }), acceptedCount > 0);
        });
        var mustDos = State.Scheme.Themes.SelectMany(t => t.Criteria.Where(c => c.MustDo)
            .Select(c => new MustDoStatus(c.Id, t.Id, c.Text, accepted.Contains(c.Id))));
        return new KiteMarkApplicationDetails(Key, State.OrganisationId, State.OrganisationName, State.AwardingBodyId,
            State.Scheme.Id, State.Scheme.Name, State.Scheme.Validity, State.ConsentToPublish, State.State,
            State.Evidence, [.. coverage], [.. mustDos], State.CreatedAt, State.UpdatedAt, State.AwardedOn, State.ValidUntil,
            State.History, application.Etag!, State.Scheme.Themes);
    }
}
