using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Contracts;
using SocialValue.Api.Http;
using SocialValue.Api.Maturity;
using SocialValue.Api.Web.Components.Pages.Officer;
using SocialValue.Maturity;

namespace SocialValue.Api.Web.Pages.Officer;

/// <summary>Planning a contract: its specification (outcomes and measures, KPI or contract term), the 12-step checklist and the tender's weighting.</summary>
internal static class SpecificationPages
{
    public static void MapSpecificationPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/contracts/{id}/specification", (string id, HttpContext context, IGrainFactory grains) =>
            OfficerPages.ShowContractAsync<SpecificationPage>(context, grains, id, null));
        web.MapPost("/contracts/{id}/specification", Specify);
        web.MapGet("/contracts/{id}/planning", (string id, HttpContext context, IGrainFactory grains) =>
            OfficerPages.ShowContractAsync<PlanningPage>(context, grains, id, null));
        web.MapPost("/contracts/{id}/planning", Plan);
        web.MapPost("/contracts/{id}/planning/steps/{number:int}", UpdateStep);
        web.MapGet("/contracts/{id}/tender", (string id, HttpContext context, IGrainFactory grains) =>
            OfficerPages.ShowContractAsync<TenderPage>(context, grains, id, null));
        web.MapPost("/contracts/{id}/tender", SetWeighting);
    }

    private static Task<IResult> Specify(string id, HttpContext context, IGrainFactory grains) =>
        OfficerPages.SubmitAsync(context, SpecificationPage.Form, async form =>
        {
            var grain = await OfficerPages.CommissionAsync(context, id);
            List<string> outcomes = [.. form["outcomeIds"].OfType<string>()];
            List<string> terms = [.. outcomes.Where(o => form[$"kind-{o}"] == SpecificationPage.Term)];
            await grain.SpecifyAsync(outcomes, [.. form["measureIds"].OfType<string>()], terms, WebForms.IfMatch(form));
            return ($"Specification saved: {outcomes.Count} outcome(s), {terms.Count} of them contract terms.", $"/contracts/{id}/specification");
        }, refusal => OfficerPages.ShowContractAsync<SpecificationPage>(context, grains, id, refusal));

    private static Task<IResult> Plan(string id, HttpContext context, IGrainFactory grains) =>
        OfficerPages.SubmitAsync(context, PlanningPage.Form, async form =>
        {
            var validation = new RequestValidation();
            var start = Date(validation, "plannedServiceStart", form["plannedServiceStart"]);
            bool? breakClause = form["breakClauseCoversSocialValue"].ToString() switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };
            validation.ThrowIfInvalid();
            var grain = await OfficerPages.CommissionAsync(context, id);
            await grain.SetPlanningAsync(start, breakClause, WebForms.IfMatch(form));
            return ("Planning saved.", $"/contracts/{id}/planning");
        }, refusal => OfficerPages.ShowContractAsync<PlanningPage>(context, grains, id, refusal));

    private static Task<IResult> UpdateStep(string id, int number, HttpContext context, IGrainFactory grains) =>
        OfficerPages.SubmitAsync(context, PlanningPage.StepForm(number), async form =>
        {
            var validation = new RequestValidation();
            var status = MaturityFields.Status(validation, "status", form["status"].ToString());
            var date = Date(validation, "date", form["date"]);
            validation.ThrowIfInvalid();
            var update = new ContractsApi.StepRequest(status, form["owner"], date).Validate();
            var grain = await OfficerPages.CommissionAsync(context, id);
            await grain.UpdateStepAsync(number, update, WebForms.IfMatch(form));
            return ($"Step {number} saved.", $"/contracts/{id}/planning#step-{number}");
        }, refusal => OfficerPages.ShowContractAsync<PlanningPage>(context, grains, id, refusal));

    private static Task<IResult> SetWeighting(string id, HttpContext context, IGrainFactory grains) =>
        OfficerPages.SubmitAsync(context, TenderPage.Form, async form =>
        {
            if (!Quantities.TryRead(form["weighting"], out var percent))
            {
                throw new SocialValue.Errors.ValidationException("socialValueWeighting", $"'{form["weighting"]}' is not a percentage; write it like 30%.");
            }
            var fraction = percent / 100m;
            new RequestValidation().Required("socialValueWeighting", fraction).ThrowIfInvalid();
            var grain = await OfficerPages.CommissionAsync(context, id);
            await grain.SetTenderAsync(fraction!.Value, WebForms.IfMatch(form));
            return ($"Social value weighting set to {Quantities.Number(percent!.Value)}%.", $"/contracts/{id}/tender");
        }, refusal => OfficerPages.ShowContractAsync<TenderPage>(context, grains, id, refusal));

    /// <summary>A date as a date input posts it (<c>yyyy-MM-dd</c>); null when blank.</summary>
    private static DateOnly? Date(RequestValidation validation, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        validation.Add(field, $"'{text}' is not a date; give it as day, month and year.");
        return null;
    }
}
