using Microsoft.AspNetCore.Authorization;
using SocialValue.Keys;

namespace SocialValue.Api.Auth;

/// <summary>Named authorisation policies; organisation scope is checked per request with <see cref="ApiClaims"/>.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);

    public static AuthorizationBuilder AddSocialValuePolicies(this AuthorizationBuilder builder) =>
        builder
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(nameof(Role.Admin)));
}
