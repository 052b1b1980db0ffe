using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialValue.Api.Auth;
using SocialValue.Api.Web.Pages;
using SocialValue.Api.Web.Pages.Officer;
using SocialValue.Keys;

namespace SocialValue.Api.Web;

/// <summary>
/// The pages for people (officers, viewers, champions, administrators, visitors): server-rendered HTML on the same
/// grains, authorisation helpers and API handlers as the REST API, signed in with a cookie session.
/// </summary>
public static class WebEndpoints
{
    public static IServiceCollection AddSocialValueWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services.AddWebSession();
    }

    public static WebApplication MapSocialValueWeb(this WebApplication app)
    {
        var web = app.MapGroup("").AddEndpointFilter<WebErrors>().ExcludeFromDescription();
        web.MapWebAssets();
        web.MapWebSession();
        web.MapGet("/", (Func<HttpContext, Task<IResult>>)Home).AllowAnonymous();
        web.MapRegisterPage();

        var signedIn = web.MapGroup("").RequireAuthorization(WebSession.Policy);
        signedIn.MapDashboardPages();
        signedIn.MapReportPages();
        signedIn.MapContractPages();
        signedIn.MapRemedyPages();
        signedIn.MapChampionPages();
        signedIn.MapOfficerPages();
        signedIn.MapSupplierPages();
        signedIn.MapApplicantPages();

        var admin = web.MapGroup("").RequireAuthorization(WebSession.AdminPolicy);
        admin.MapFormulaPages();
        admin.MapAdminPages();
        return app;
    }

    /// <summary>Takes the session cookie, when there is a valid one, on pages that anyone may open.</summary>
    internal static async Task UseSessionIfAnyAsync(HttpContext context)
    {
        if ((await context.AuthenticateAsync(WebSession.Scheme)).Principal is { } principal)
        {
            context.User = principal;
        }
    }

    /// <summary>Each role starts where its work is.</summary>
    private static async Task<IResult> Home(HttpContext context)
    {
        await UseSessionIfAnyAsync(context);
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: WebSession.Scheme })
        {
            return Results.Redirect(WebSession.SignInPath);
        }
        return Results.Redirect(user.Role() switch
        {
            Role.Admin => "/organisations",
            Role.Champion => "/kitemark/queue",
            Role.Supplier => $"/suppliers/{user.OrganisationId()}",
            _ => $"/organisations/{user.OrganisationId()}",
        });
    }
}
