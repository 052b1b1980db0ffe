using SocialValue.Workflow;

namespace SocialValue.KiteMark;

/// <summary>What the guards read: consent, the criteria with accepted evidence, and whether the scheduler is firing.</summary>
public sealed record KiteMarkContext(bool ConsentToPublish, IReadOnlySet<string> AcceptedCriteria, bool FiredByScheduler);

/// <summary>
/// The application workflow over an application's state. The award rule depends on the application's scheme: one
/// guard per theme ("at least one accepted piece") and one per must-do criterion, each naming what is missing.
/// </summary>
public sealed class KiteMarkWorkflow : GrainWorkflow<KiteMarkState, KiteMarkTrigger>
{
    public const string NeedsConsent =
        "the applicant must consent to its social value practice being published as case studies (consentToPublish)";

    public const string SchedulerOnly = "Expire is fired by the scheduler when the award's validity ends";

    public KiteMarkWorkflow(KiteMarkApplicationState application, KiteMarkContext context)
        : base("Kite Mark application", KiteMarkState.Draft, () => application.State, state => application.State = state, application.History)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireArguments(KiteMarkTrigger.Reject, "reason");
        RequireArguments(KiteMarkTrigger.Revoke, "reason");

        Machine.Configure(KiteMarkState.Draft)
            .PermitIf(KiteMarkTrigger.Submit, KiteMarkState.Submitted, () => context.ConsentToPublish, NeedsConsent)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        Machine.Configure(KiteMarkState.Submitted)
            .Permit(KiteMarkTrigger.StartReview, KiteMarkState.UnderReview)
            .Permit(KiteMarkTrigger.Reject, KiteMarkState.Rejected)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        Machine.Configure(KiteMarkState.UnderReview)
            .Permit(KiteMarkTrigger.RequestEvidence, KiteMarkState.MoreEvidenceRequested)
            .PermitIf(KiteMarkTrigger.Award, KiteMarkState.Awarded, [.. AwardRule(application.Scheme, context)])
            .Permit(KiteMarkTrigger.Reject, KiteMarkState.Rejected)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        Machine.Configure(KiteMarkState.MoreEvidenceRequested)
            .Permit(KiteMarkTrigger.Resubmit, KiteMarkState.UnderReview)
            .Permit(KiteMarkTrigger.Reject, KiteMarkState.Rejected)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        Machine.Configure(KiteMarkState.Awarded)
            .OnEntryFrom(KiteMarkTrigger.Award, () =>
            {
                application.AwardedOn = FiredAt;
                application.ValidUntil = KiteMarkSchemes.ValidUntil(FiredAt, application.Scheme.Validity);
            }, "date the award and its validity")
            .PermitIf(KiteMarkTrigger.Expire, KiteMarkState.Expired, () => context.FiredByScheduler, SchedulerOnly)
            .Permit(KiteMarkTrigger.Revoke, KiteMarkState.Revoked);
    }

    /// <summary>The workflow as it is drawn: over a new application under the shipped scheme (the transitions do not depend on the scheme).</summary>
    public static KiteMarkWorkflow Diagram => new(new KiteMarkApplicationState(), new KiteMarkContext(false, new HashSet<string>(), false));

    private static IEnumerable<Tuple<Func<bool>, string>> AwardRule(KiteMarkSchemeDefinition scheme, KiteMarkContext context)
    {
        foreach (var theme in scheme.Themes)
        {
            var criteria = theme.Criteria.Select(c => c.Id).ToHashSet();
            yield return Guard(() => context.AcceptedCriteria.Overlaps(criteria), $"theme {theme.Name} has no accepted evidence yet");
        }
        foreach (var mustDo in scheme.Themes.SelectMany(t => t.Criteria).Where(c => c.MustDo))
        {
            yield return Guard(() => context.AcceptedCriteria.Contains(mustDo.Id), $"must-do '{mustDo.Text}' ({mustDo.Id}) has no accepted evidence yet");
        }
    }
}
