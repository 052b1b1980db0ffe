using SocialValue.Errors;
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

    /// <summary>The argument of RecordChange: the ids of the evidence the change in circumstance withdraws.</summary>
    public const string WithdrawnEvidence = "withdrawnEvidence";

    public KiteMarkWorkflow(KiteMarkApplicationState application, KiteMarkContext context)
        : base("Kite Mark application", KiteMarkState.Draft, () => application.State, state => application.State = state, application.History)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireArguments(KiteMarkTrigger.Reject, "reason");
        RequireArguments(KiteMarkTrigger.Revoke, "reason");
        RequireArguments(KiteMarkTrigger.RecordChange, "reason", WithdrawnEvidence);
        var recordChange = Parameter<IReadOnlySet<string>?>(KiteMarkTrigger.RecordChange, arguments => EvidenceIds(application, arguments));

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
            .OnEntryFrom(recordChange, ids => Withdraw(application, ids), "withdraw the evidence the change takes away")
            .PermitIf(KiteMarkTrigger.Expire, KiteMarkState.Expired, () => context.FiredByScheduler, SchedulerOnly)
            .Permit(KiteMarkTrigger.Revoke, KiteMarkState.Revoked)
            // A change in circumstance withdraws evidence; the award stands while every theme keeps accepted evidence,
            // and lapses early, before its validity ends, once one does not (seed 002 §4).
            .PermitReentryIf(recordChange, Guard<IReadOnlySet<string>?>(
                ids => ThemesLeftWithout(application, ids).Count == 0, "every theme keeps accepted evidence after the change"))
            .PermitIf(recordChange, KiteMarkState.Lapsed, Guard<IReadOnlySet<string>?>(
                ids => ids is null || ThemesLeftWithout(application, ids).Count > 0, "the change leaves a theme without accepted evidence"));
        Machine.Configure(KiteMarkState.Lapsed)
            .OnEntryFrom(recordChange, ids => Withdraw(application, ids), "withdraw the evidence the change takes away");
    }

    /// <summary>
    /// The evidence ids a RecordChange names, as a JSON array or a comma-separated list; each must be evidence of this
    /// application that counts today.
    /// </summary>
    private static IReadOnlySet<string> EvidenceIds(KiteMarkApplicationState application, TriggerArguments arguments)
    {
        var given = arguments.Get(WithdrawnEvidence).Trim();
        string[] ids;
        try
        {
            ids = given.StartsWith('[')
                ? System.Text.Json.JsonSerializer.Deserialize<string[]>(given) ?? []
                : given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new ValidationException(WithdrawnEvidence, "Give the evidence ids the change withdraws as an array of strings, e.g. [\"e1\", \"e4\"].");
        }
        var unknown = ids.Where(id => id is null || !application.Evidence.Any(e => e.Id == id && e.Counts)).ToList();
        if (ids.Length == 0 || unknown.Count > 0)
        {
            throw new ValidationException(WithdrawnEvidence, ids.Length == 0
                ? "Name at least one piece of evidence the change withdraws."
                : $"{string.Join(", ", unknown.Select(id => $"'{id}'"))} is not accepted evidence of this award; withdraw evidence that counts today.");
        }
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The names of the themes that would have no accepted evidence once <paramref name="withdrawn"/> is withdrawn.</summary>
    private static List<string> ThemesLeftWithout(KiteMarkApplicationState application, IReadOnlySet<string>? withdrawn) =>
        [.. application.Scheme.Themes
            .Where(theme => !application.Evidence.Any(e => e.ThemeId == theme.Id && e.Counts && withdrawn?.Contains(e.Id) != true))
            .Select(theme => theme.Name)];

    private void Withdraw(KiteMarkApplicationState application, IReadOnlySet<string>? ids)
    {
        var withdrawal = new EvidenceWithdrawal(FiredAt, FiredBy, FiredReason);
        application.Evidence = [.. application.Evidence.Select(e => ids?.Contains(e.Id) == true ? e with { Withdrawn = withdrawal } : e)];
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
