using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Maturity;
using SocialValue.Api.Web.Components.Pages.Officer;
using SocialValue.Api.Workflows;
using SocialValue.Errors;
using SocialValue.Maturity;
using SocialValue.Organisations;

namespace SocialValue.Api.Web.Pages.Officer;

/// <summary>Making and revising an organisation's maturity assessment: present and target per dimension, and Reassess with a reason.</summary>
internal static class AssessmentPages
{
    public static void MapAssessmentPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/organisations/{id}/assessment", (string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
            ShowAsync(id, context, grains, user, null));
        web.MapPost("/organisations/{id}/assessment", Assess);
        web.MapPost("/organisations/{id}/assessment/dimensions/{code}/reassess", Reassess);
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, Refusal? refusal)
    {
        var grain = MaturityApi.Grain(grains, user, id, write: true);
        var organisation = await grains.GetGrain<IOrganisationGrain>(id).GetAsync();
        var model = await Model(grains).GetAsync();
        MaturityDetails? maturity;
        try
        {
            maturity = await grain.GetAsync();
        }
        catch (NotFoundException)
        {
            maturity = null;
        }
        return OfficerPages.Render<AssessmentPage>(context, new { Organisation = organisation, Model = model, Maturity = maturity, Refusal = refusal }, refusal);
    }

    private static Task<IResult> Assess(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        OfficerPages.SubmitAsync(context, AssessmentPage.AssessmentForm, async form =>
        {
            var grain = MaturityApi.Grain(grains, user, id, write: true);
            var model = await Model(grains).GetAsync();
            var request = new MaturityApi.AssessmentRequest([.. model.Dimensions.Select(d =>
                new MaturityApi.DimensionRequest(d.Code, form[$"present-{d.Code}"].ToString(), form[$"target-{d.Code}"].ToString()))]);
            await grain.AssessAsync(request.Validate(), user.Actor(), WebForms.IfMatch(form));
            return ("Assessment saved; the action plan now follows it.", $"/organisations/{id}/assessment");
        }, refusal => ShowAsync(id, context, grains, user, refusal));

    private static Task<IResult> Reassess(string id, string code, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        OfficerPages.SubmitAsync(context, AssessmentPage.ReassessForm(code), async form =>
        {
            var grain = MaturityApi.Grain(grains, user, id, write: true);
            var fields = new Dictionary<string, string>
            {
                ["trigger"] = nameof(DimensionTrigger.Reassess),
                ["level"] = form["level"].ToString(),
                ["reason"] = form["reason"].ToString().Trim(),
            };
            var request = WorkflowApi.Request(fields.Where(f => f.Value.Length > 0), user);
            var maturity = await grain.FireAsync(code.ToUpperInvariant(), request, WebForms.IfMatch(form));
            var dimension = maturity.Dimensions.First(d => d.Code == code.ToUpperInvariant());
            return ($"{dimension.Name} reassessed at {Format.Words(dimension.Present)}.", $"/organisations/{id}/assessment#dimension-{dimension.Code}");
        }, refusal => ShowAsync(id, context, grains, user, refusal));

    private static IMaturityModelGrain Model(IGrainFactory grains) => grains.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default);
}
