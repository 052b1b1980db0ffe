using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Http;
using SocialValue.Api.Reports;
using SocialValue.Maturity;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// An organisation's annual report as a page (charts by theme and by year, the maturity radar, the Kite Mark) and as CSV
/// for the signed-in session; the REST report's access check, validation and grain, so whoever may read the organisation
/// may read it, and anyone else gets the dashboard's refusal.
/// </summary>
internal static class ReportPages
{
    /// <summary>The years the by-year chart compares: the report's and the ones before it.</summary>
    private const int Years = 3;

    public static void MapReportPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/organisations/{id}/report", Report);
        web.MapGet("/organisations/{id}/report.csv", ReportCsv);
    }

    private static async Task<IResult> Report(string id, int? year, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time)
    {
        var report = await ReportsApi.ReadAsync(grains, user, id, year, time);
        var earlier = await Task.WhenAll(Enumerable.Range(1, Years - 1).Select(back => report.Year - back).Where(y => y >= 2000)
            .Select(y => ReportsApi.ReadAsync(grains, user, id, y, time)));
        return WebPage.Render<Components.Pages.Organisations.ReportPage>(context, new
        {
            Report = report,
            ByYear = earlier.Reverse().Append(report).ToList(),
            Model = await grains.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default).GetAsync(),
            AwardingBodyName = report.KiteMark is { } held ? await PageNames.OrganisationAsync(grains, held.AwardingBodyId) : null,
        });
    }

    private static async Task<IResult> ReportCsv(string id, int? year, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var report = await ReportsApi.ReadAsync(grains, user, id, year, time);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(ReportsApi.AsCsv(report)), $"{Csv.ContentType}; charset=utf-8",
            $"{report.OrganisationId}-social-value-{report.Year}.csv");
    }
}
