using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using SocialValue.Api.Web;

namespace SocialValue.Silo;

/// <summary>The operators' dashboards: Orleans' at <c>/dashboard</c> and Hangfire's at <c>/hangfire</c>, for administrators signed in to the pages.</summary>
public static class Operations
{
    public const string OrleansDashboardPath = "/dashboard";
    public const string HangfireDashboardPath = "/hangfire";

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapOrleansDashboard(routePrefix: OrleansDashboardPath).RequireAuthorization(WebSession.AdminPolicy);
        app.UseHangfireDashboard(HangfireDashboardPath, new Hangfire.DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdminSessionFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });
        return app;
    }

    /// <summary>Lets through only a page session with the Admin role, the same rule as the Orleans dashboard.</summary>
    private sealed class AdminSessionFilter : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            var session = await http.AuthenticateAsync(WebSession.Scheme);
            return session.Succeeded && (await authorization.AuthorizeAsync(session.Principal!, WebSession.AdminPolicy)).Succeeded;
        }
    }
}
