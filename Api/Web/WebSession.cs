using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Keys;

namespace SocialValue.Api.Web;

/// <summary>
/// Sign-in for people: an API key, verified once with its key grain, becomes an HttpOnly, SameSite=Strict cookie
/// holding the key's id, name, role and organisation. Only pages accept the cookie; the REST API stays Bearer-only.
/// </summary>
public static class WebSession
{
    public const string Scheme = "WebSession";
    public const string Policy = "WebSession";
    public const string AdminPolicy = "WebAdmin";
    public const string CookieName = "sv_session";
    public const string SignInPath = "/sign-in";

    public static IServiceCollection AddWebSession(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = "/forbidden";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = EndIfKeyRevokedAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(nameof(Keys.Role.Admin)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sv_antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = WebForms.AntiforgeryField;
        });
        return services;
    }

    public static void MapWebSession(this IEndpointRouteBuilder web)
    {
        web.MapGet(SignInPath, (HttpContext context, string? returnUrl) => SignInPage(context, returnUrl, null)).AllowAnonymous();
        web.MapPost(SignInPath, SignIn).AllowAnonymous();
        web.MapPost("/sign-out", (Func<HttpContext, Task<IResult>>)SignOut).RequireAuthorization(Policy);
        web.MapGet("/forbidden", (HttpContext context) => WebPage.Render<Components.Pages.ErrorPage>(context,
            new { Heading = "Not allowed", Detail = "Your key's role may not open that page." }, StatusCodes.Status403Forbidden))
            .RequireAuthorization(Policy);
    }

    /// <summary>The secret is checked once, at sign-in; revoking the key ends its sessions at their next request.</summary>
    private static async Task EndIfKeyRevokedAsync(CookieValidatePrincipalContext context)
    {
        var keyId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        if (keyId != ApiKeyAuthenticationHandler.BootstrapId && (keyId is null || !await grains.GetGrain<IApiKeyGrain>(keyId).IsActiveAsync()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    private static async Task<IResult> SignIn(HttpContext context, IGrainFactory grains, IOptionsMonitor<ApiKeyAuthenticationOptions> options)
    {
        var form = await WebForms.ReadAsync(context);
        var returnUrl = form["returnUrl"].ToString();
        var key = form["key"].ToString().Trim();
        var principal = key.Length == 0 ? null
            : await ApiKeyAuthenticationHandler.VerifyAsync(grains, options.Get(ApiKeyAuthenticationHandler.SchemeName), key, Scheme);
        if (principal is null)
        {
            return SignInPage(context, returnUrl, "That API key is unknown or revoked.");
        }
        await context.SignInAsync(Scheme, principal);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static async Task<IResult> SignOut(HttpContext context)
    {
        await WebForms.ReadAsync(context);
        await context.SignOutAsync(Scheme);
        return Results.Redirect(SignInPath);
    }

    private static IResult SignInPage(HttpContext context, string? returnUrl, string? error) =>
        WebPage.Render<Components.Pages.Session.SignInPage>(context, new { ReturnUrl = returnUrl, Error = error },
            error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    /// <summary>
    /// Only paths of this service: "/x", but not "//host" or "/\\host", which browsers read as another origin. Browsers
    /// drop tabs and newlines from a URL and read a backslash as a slash before deciding ("/\t/host" is "//host"), so
    /// any control character, whitespace or non-ASCII character refuses the whole URL, as does a second leading
    /// slash or backslash; a refused one sends the person home.
    /// </summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && url.All(c => c is > ' ' and < (char)0x7F);
}
