using System.Security.Claims;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Errors;
using SocialValue.KiteMark;
using SocialValue.Versions;

namespace SocialValue.Api.KiteMark;

/// <summary>Nominating an awarding body and ending a nomination, shared by the REST API and the administrator's pages.</summary>
public static class Nominations
{
    private static IKiteMarkNominationsGrain All(IGrainFactory grains) => grains.GetGrain<IKiteMarkNominationsGrain>(IKiteMarkNominationsGrain.All);

    /// <summary>
    /// <paramref name="nominatedBy"/> (a Champion's own body when null) nominates <paramref name="organisationId"/>: a
    /// Champion of the nominating body, or Admin naming it.
    /// </summary>
    public static Task<Versioned<KiteMarkNomination>> NominateAsync(
        IGrainFactory grains, ClaimsPrincipal user, TimeProvider time, string organisationId, string? nominatedBy, VersionCondition? expected)
    {
        nominatedBy ??= user.IsAdmin() ? null : user.OrganisationId();
        new RequestValidation().Required("nominatedBy", nominatedBy).OptionalSlug("organisationId", organisationId).ThrowIfInvalid();
        user.EnsureActsForAwardingBody(nominatedBy!);
        return All(grains).NominateAsync(new KiteMarkNomination(organisationId, nominatedBy!, time.GetUtcNow(), user.Actor()), expected);
    }

    /// <summary>The organisation's nomination; 404 when it has none.</summary>
    public static async Task<KiteMarkNomination> FindAsync(IGrainFactory grains, string organisationId) =>
        await All(grains).FindAsync(organisationId) ?? throw new NotFoundException($"'{organisationId}' is not nominated.");

    /// <summary>Ends a nomination: Admin, or a Champion of the body that made it.</summary>
    public static async Task WithdrawAsync(IGrainFactory grains, ClaimsPrincipal user, string organisationId, VersionCondition? expected)
    {
        var nomination = await FindAsync(grains, organisationId);
        user.EnsureActsForAwardingBody(nomination.NominatedBy);
        await All(grains).WithdrawAsync(organisationId, expected);
    }
}
