using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialValue.Keys;
using SocialValue.Runtime;

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
    private const string BootstrapId = "bootstrap-config";

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
        if (IsBootstrapKey(key))
        {
            return Success(ApiClaims.Principal(BootstrapId, "bootstrap administrator", Role.Admin, null, SchemeName));
        }
        if (ApiKeyFormat.TryParse(key, out var id, out var secret)
            && await grains.GetGrain<IApiKeyGrain>(id).VerifyAsync(ApiKeyFormat.Hash(secret)) is { } holder)
        {
            return Success(ApiClaims.Principal(holder.Id, holder.Name, holder.Role, holder.OrganisationId, SchemeName));
        }
        return AuthenticateResult.Fail("The API key is unknown or revoked.");
    }

    private bool IsBootstrapKey(string key)
    {
        var bootstrap = Options.BootstrapAdminKey;
        return !string.IsNullOrEmpty(bootstrap)
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(key)),
                SHA256.HashData(Encoding.UTF8.GetBytes(bootstrap)));
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
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
