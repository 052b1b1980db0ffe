using System.Security.Claims;
using SocialValue.Keys;

namespace SocialValue.Api.Auth;

/// <summary>The claims an API key carries, and the organisation-scope rules of API.md.</summary>
public static class ApiClaims
{
    public const string Organisation = "organisation";

    public static ClaimsPrincipal Principal(string keyId, string name, Role role, string? organisationId, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, keyId),
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role.ToString()),
        };
        if (organisationId is not null)
        {
            claims.Add(new Claim(Organisation, organisationId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Role Role(this ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : Keys.Role.Viewer;

    public static string? OrganisationId(this ClaimsPrincipal user) => user.FindFirstValue(Organisation);

    /// <summary>Who did it, for workflow histories: the key's name and id.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        $"{user.FindFirstValue(ClaimTypes.Name)} ({user.FindFirstValue(ClaimTypes.NameIdentifier)})";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.Role() == Keys.Role.Admin;

    /// <summary>Admin reads everything; every other role reads its own organisation.</summary>
    public static void EnsureCanRead(this ClaimsPrincipal user, string organisationId)
    {
        if (!user.IsAdmin() && user.OrganisationId() != organisationId)
        {
            throw new ForbiddenException($"This key may not read organisation '{organisationId}'.");
        }
    }

    /// <summary>Whether <see cref="EnsureCanWrite"/> lets the user change the organisation.</summary>
    public static bool CanWrite(this ClaimsPrincipal user, string organisationId) =>
        user.IsAdmin() || (user.Role() == Keys.Role.Officer && user.OrganisationId() == organisationId);

    /// <summary>Admin changes everything; an Officer changes its own organisation; no one else changes one.</summary>
    public static void EnsureCanWrite(this ClaimsPrincipal user, string organisationId)
    {
        if (!user.CanWrite(organisationId))
        {
            throw new ForbiddenException($"A {user.Role()} key may not change organisation '{organisationId}'.");
        }
    }
}

/// <summary>The caller is known but not allowed to do this (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
