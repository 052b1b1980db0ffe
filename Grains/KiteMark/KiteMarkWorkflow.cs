using SocialValue.Workflow;

namespace SocialValue.KiteMark;

/// <summary>What the guards read: consent, the criteria with accepted evidence, and whether the scheduler is firing.</summary>
public sealed record KiteMarkContext(bool ConsentToPublish, IReadOnlySet<string> AcceptedCriteria, bool FiredByScheduler);

/// <summary>
/// The application workflow. The award rule depends on the scheme, so each scheme gets its own definition: one
/// guard per theme ("at least one accepted piece") and one per must-do criterion, each naming what is missing.
/// </summary>
public static class KiteMarkWorkflow
{
    public const string NeedsConsent =
        "the applicant must consent to its social value practice being published as case studies (consentToPublish)";

    public const string SchedulerOnly = "Expire is fired by the scheduler when the award's validity ends";

    /// <summary>The shape of every definition, for the diagram: the transitions do not depend on the scheme.</summary>
    public static Workflow<KiteMarkState, KiteMarkTrigger, KiteMarkContext> Diagram { get; } = For(KiteMarkSchemes.CheshireAndMerseyside);

    /// <summary>The workflow of applications under <paramref name="scheme"/>.</summary>
    public static Workflow<KiteMarkState, KiteMarkTrigger, KiteMarkContext> For(KiteMarkSchemeDefinition scheme)
    {
        var workflow = new Workflow<KiteMarkState, KiteMarkTrigger, KiteMarkContext>("Kite Mark application");
        workflow.RequireArguments(KiteMarkTrigger.Reject, "reason");
        workflow.RequireArguments(KiteMarkTrigger.Revoke, "reason");

        workflow.Configure(KiteMarkState.Draft)
            .PermitIf(KiteMarkTrigger.Submit, KiteMarkState.Submitted, c => c.ConsentToPublish, NeedsConsent)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        workflow.Configure(KiteMarkState.Submitted)
            .Permit(KiteMarkTrigger.StartReview, KiteMarkState.UnderReview)
            .Permit(KiteMarkTrigger.Reject, KiteMarkState.Rejected)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        var underReview = workflow.Configure(KiteMarkState.UnderReview)
            .Permit(KiteMarkTrigger.RequestEvidence, KiteMarkState.MoreEvidenceRequested)
            .Permit(KiteMarkTrigger.Award, KiteMarkState.Awarded)
            .Permit(KiteMarkTrigger.Reject, KiteMarkState.Rejected)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        foreach (var theme in scheme.Themes)
        {
            var criteria = theme.Criteria.Select(c => c.Id).ToHashSet();
            underReview.Guard(KiteMarkTrigger.Award, c => c.AcceptedCriteria.Overlaps(criteria),
                $"theme {theme.Name} has no accepted evidence yet");
        }
        foreach (var mustDo in scheme.Themes.SelectMany(t => t.Criteria).Where(c => c.MustDo))
        {
            underReview.Guard(KiteMarkTrigger.Award, c => c.AcceptedCriteria.Contains(mustDo.Id),
                $"must-do '{mustDo.Text}' ({mustDo.Id}) has no accepted evidence yet");
        }
        workflow.Configure(KiteMarkState.MoreEvidenceRequested)
            .Permit(KiteMarkTrigger.Resubmit, KiteMarkState.UnderReview)
            .Permit(KiteMarkTrigger.Reject, KiteMarkState.Rejected)
            .Permit(KiteMarkTrigger.Withdraw, KiteMarkState.Withdrawn);
        workflow.Configure(KiteMarkState.Awarded)
            .PermitIf(KiteMarkTrigger.Expire, KiteMarkState.Expired, c => c.FiredByScheduler, SchedulerOnly)
            .Permit(KiteMarkTrigger.Revoke, KiteMarkState.Revoked);
        return workflow;
    }
}
