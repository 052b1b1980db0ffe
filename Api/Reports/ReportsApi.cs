using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Reports;

namespace SocialValue.Api.Reports;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/organisations/{id}/report", GetReport).WithTags("Reports").RequireAuthorization()
            .Produces<OrganisationReport>(StatusCodes.Status200OK, "application/json", Csv.ContentType);
        return app;
    }

    /// <summary>The annual report as JSON, or CSV with <c>Accept: text/csv</c> (or <c>?format=csv</c>); <c>year</c> defaults to this year.</summary>
    public static async Task<IResult> GetReport(
        string id, int? year, string? format, IGrainFactory grains, ClaimsPrincipal user, HttpRequest request, TimeProvider time)
    {
        var report = await ReadAsync(grains, user, id, year, time);
        if (format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException("format", "'format' is json or csv.");
        }
        return Csv.Wanted(format, request.Headers.Accept.ToString())
            ? Results.Text(AsCsv(report), $"{Csv.ContentType}; charset=utf-8")
            : TypedResults.Ok(report);
    }

    /// <summary>
    /// The report of <paramref name="year"/> (this year when null) for a user who may read the organisation: 404 for an
    /// organisation that cannot exist, 403 for someone else's, 400 for a year out of range. The report page shares it.
    /// </summary>
    internal static async Task<OrganisationReport> ReadAsync(IGrainFactory grains, ClaimsPrincipal user, string id, int? year, TimeProvider time)
    {
        if (!Slug.IsValid(id))
        {
            throw new NotFoundException($"There is no organisation '{id}'.");
        }
        user.EnsureCanRead(id);
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException("year", "'year' must be a four-digit year between 2000 and 2100.");
        }
        return await grains.GetGrain<IOrganisationReportGrain>(id).GetAsync(year ?? time.GetUtcNow().Year);
    }

    /// <summary>One row per figure: the section it belongs to, what it is about, and the committed and delivered amounts.</summary>
    public static string AsCsv(OrganisationReport report)
    {
        var csv = Line(new StringBuilder(), "Section", "Framework", "Id", "Name", "Unit", "Committed units", "Delivered units", "Committed £", "Delivered £",
                "Measures without £", "Committed £ net", "Delivered £ net", "Present level", "Target level", "Awarded on", "Valid until");
        foreach (var contract in report.Contracts)
        {
            Line(csv, "Contract", contract.FrameworkId, contract.Id, contract.Title, contract.State.ToString(), null, null, contract.CommittedValue, contract.DeliveredValue, contract.UnvaluedMeasures,
                contract.CommittedNetValue, contract.DeliveredNetValue);
        }
        foreach (var (section, groups) in new[] { ("Theme", report.Themes), ("Outcome", report.Outcomes) })
        {
            foreach (var group in groups)
            {
                Line(csv, section, group.FrameworkId, group.Id, group.Name, null, null, null, group.CommittedValue, group.DeliveredValue, group.UnvaluedMeasures,
                    group.CommittedNetValue, group.DeliveredNetValue);
                foreach (var unit in group.Units)
                {
                    Line(csv, section, group.FrameworkId, group.Id, group.Name, unit.Unit, unit.Committed, unit.Delivered, null, null);
                }
            }
        }
        foreach (var m in report.Measures)
        {
            Line(csv, "Measure", m.FrameworkId, m.MeasureId, m.Title, m.Unit, m.CommittedUnits, m.DeliveredUnits, m.CommittedValue, m.DeliveredValue, m.UnvaluedContracts,
                m.CommittedNetValue, m.DeliveredNetValue);
        }
        Line(csv, "Total", null, null, $"Social value {report.Year}", "£", null, null, report.Total.CommittedValue, report.Total.DeliveredValue, report.Total.UnvaluedMeasures,
            report.Total.CommittedNetValue, report.Total.DeliveredNetValue);
        if (report.Maturity is { } maturity)
        {
            Line(csv, "Maturity", null, "overall", "Overall", null, null, null, null, null, null, null, null, maturity.Present.ToString(), maturity.Target.ToString());
            foreach (var d in maturity.Dimensions)
            {
                Line(csv, "Maturity", null, d.Code, d.Code, null, null, null, null, null, null, null, null, d.Present.ToString(), d.Target.ToString());
            }
        }
        if (report.KiteMark is { } kiteMark)
        {
            Line(csv, "Kite Mark", null, kiteMark.ApplicationId, kiteMark.Status, null, null, null, null, null, null, null, null,
                null, null, kiteMark.AwardedOn.ToString("yyyy-MM-dd"), kiteMark.ValidUntil.ToString("yyyy-MM-dd"));
        }
        return csv.ToString();
    }

    private const int Columns = 16;

    private static StringBuilder Line(StringBuilder csv, params object?[] cells) =>
        csv.Row([.. cells, .. new object?[Columns - cells.Length]]);
}
