using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using SocialValue.Keys;

namespace SocialValue.Api.Auth;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary><c>Auth:BootstrapAdminKey</c>: a key that is always Admin, so a fresh service can issue the others.</summary>
    public string? BootstrapAdminKey { get; set; }
}

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the key grains.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    IProblemDetailsService problems)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    /// <summary>The key id of the configured bootstrap key, which has no grain.</summary>
    public const string BootstrapId = "bootstrap-config";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Use 'Authorization: Bearer <api key>'.");
        }
        var key = header["Bearer ".Length..].Trim();
        return await VerifyAsync(grains, Options, key, SchemeName) is { } principal
            ? Success(principal)
            : AuthenticateResult.Fail("The API key is unknown or revoked.");
    }

    /// <summary>
    /// The principal of an API key (the configured bootstrap key, or an issued key that is not revoked) with
    /// <paramref name="scheme"/> as its authentication type; null when the key is unknown or revoked.
    /// </summary>
    public static async Task<ClaimsPrincipal?> VerifyAsync(IGrainFactory grains, ApiKeyAuthenticationOptions options, string key, string scheme)
    {
        if (IsBootstrapKey(options, key))
        {
            return ApiClaims.Principal(BootstrapId, "bootstrap administrator", Role.Admin, null, scheme);
        }
        return ApiKeyFormat.TryParse(key, out var id, out var secret)
            && await grains.GetGrain<IApiKeyGrain>(id).VerifyAsync(ApiKeyFormat.Hash(secret)) is { } holder
                ? ApiClaims.Principal(holder.Id, holder.Name, holder.Role, holder.OrganisationId, scheme)
                : null;
    }

    private static bool IsBootstrapKey(ApiKeyAuthenticationOptions options, string key)
    {
        var bootstrap = options.BootstrapAdminKey;
        return !string.IsNullOrEmpty(bootstrap)
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(key)),
                SHA256.HashData(Encoding.UTF8.GetBytes(bootstrap)));
    }

    private AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        await WriteProblemAsync("Authentication required", result.Failure?.Message ?? "Send 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("Forbidden", "This key's role may not do this.");
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
        });
}
