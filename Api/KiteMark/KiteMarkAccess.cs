using System.Security.Claims;
using SocialValue.Api.Auth;
using SocialValue.Errors;
using SocialValue.KiteMark;
using SocialValue.Keys;

namespace SocialValue.Api.KiteMark;

/// <summary>
/// Who may do what to an application: an Officer of the applicant adds evidence and submits, resubmits or withdraws;
/// a Champion of the awarding body reviews evidence and starts the review, asks for more evidence, awards, rejects
/// and revokes; keys of either organisation read it; Admin does everything. Expire is the scheduler's alone.
/// </summary>
internal static class KiteMarkAccess
{
    private static readonly HashSet<string> ApplicantTriggers = new(
        [nameof(KiteMarkTrigger.Submit), nameof(KiteMarkTrigger.Resubmit), nameof(KiteMarkTrigger.Withdraw)],
        StringComparer.OrdinalIgnoreCase);

    public static void EnsureCanRead(this ClaimsPrincipal user, KiteMarkApplicationDetails application)
    {
        if (!user.IsAdmin() && user.OrganisationId() != application.OrganisationId && user.OrganisationId() != application.AwardingBodyId)
        {
            throw new ForbiddenException($"This key may not read Kite Mark application '{application.Id}'.");
        }
    }

    public static bool ActsForApplicant(this ClaimsPrincipal user, string organisationId) =>
        user.IsAdmin() || (user.Role() == Role.Officer && user.OrganisationId() == organisationId);

    public static bool ActsForAwardingBody(this ClaimsPrincipal user, string awardingBodyId) =>
        user.IsAdmin() || (user.Role() == Role.Champion && user.OrganisationId() == awardingBodyId);

    /// <summary>Whether <see cref="EnsureMayFire"/> lets the user fire <paramref name="trigger"/>.</summary>
    public static bool MayFire(this ClaimsPrincipal user, KiteMarkApplicationDetails application, string trigger) =>
        ApplicantTriggers.Contains(trigger) ? user.ActsForApplicant(application.OrganisationId) : user.ActsForAwardingBody(application.AwardingBodyId);

    public static void EnsureActsForApplicant(this ClaimsPrincipal user, string organisationId)
    {
        if (!user.ActsForApplicant(organisationId))
        {
            throw new ForbiddenException($"Only an Officer of '{organisationId}' (or Admin) may do this for its application.");
        }
    }

    public static void EnsureActsForAwardingBody(this ClaimsPrincipal user, string awardingBodyId)
    {
        if (!user.ActsForAwardingBody(awardingBodyId))
        {
            throw new ForbiddenException($"Only a Champion of the awarding body '{awardingBodyId}' (or Admin) may do this.");
        }
    }

    /// <summary>Applicant triggers need the applicant's Officer; every other name, Expire included, the body's Champion.</summary>
    public static void EnsureMayFire(this ClaimsPrincipal user, KiteMarkApplicationDetails application, string trigger)
    {
        if (ApplicantTriggers.Contains(trigger))
        {
            user.EnsureActsForApplicant(application.OrganisationId);
        }
        else
        {
            user.EnsureActsForAwardingBody(application.AwardingBodyId);
        }
    }

    /// <summary>The awarding body whose queue a key may read: a Champion its own, Admin the one named.</summary>
    public static string QueueOf(this ClaimsPrincipal user, string? awardingBodyId)
    {
        var body = awardingBodyId ?? (user.Role() == Role.Champion ? user.OrganisationId() : null)
            ?? throw new ValidationException("awardingBodyId", "'awardingBodyId' is required.");
        user.EnsureActsForAwardingBody(body);
        return body;
    }
}
