using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.KiteMark;
using SocialValue.Api.Workflows;
using SocialValue.Errors;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using SocialValue.Organisations;
using ApplicantHome = SocialValue.Api.Web.Components.Pages.Applicant.ApplicantHomePage;
using ApplicationPage = SocialValue.Api.Web.Components.Pages.Applicant.ApplicantApplicationPage;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// An anchor institution applying for the Social Value Award: its applications, a new one to an awarding body, consent,
/// evidence per criterion under each theme, submitting and answering a request for more evidence. Access and
/// validation are the REST API's (KiteMarkApi); coverage and must-dos are the application's own, as the champion sees them.
/// </summary>
internal static class ApplicantPages
{
    public static void MapApplicantPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/applicants/{organisationId}", Home);
        web.MapPost("/applicants/{organisationId}/applications", Start);
        web.MapGet("/applicants/{organisationId}/applications/{id}", Application);
        web.MapPost("/applicants/{organisationId}/applications/{id}/consent", Consent);
        web.MapPost("/applicants/{organisationId}/applications/{id}/evidence", AddEvidence);
        web.MapPost("/applicants/{organisationId}/applications/{id}/transitions", Fire);
    }

    private static Task<IResult> Home(string organisationId, HttpContext context, IGrainFactory grains) =>
        RenderHomeAsync(context, grains, organisationId, posted: null);

    private static async Task<IResult> Start(string organisationId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var form = await WebForms.ReadAsync(context);
        var request = new KiteMarkApi.CreateApplicationRequest(null, organisationId, Given(form, "awardingBodyId"), Given(form, "schemeId"),
            form["consentToPublish"] == "true");
        try
        {
            var (id, _) = await KiteMarkApi.OpenApplicationAsync(request, grains, user);
            WebForms.Flash(context, "notice", "Application started. Add evidence under each theme, then submit it.");
            return Results.Redirect($"/applicants/{organisationId}/applications/{id}");
        }
        catch (Exception refused) when (refused is ValidationException or ConflictException)
        {
            return await RenderHomeAsync(context, grains, organisationId, Refused("start", form, refused), Status(refused));
        }
    }

    private static async Task<IResult> Application(string organisationId, string id, HttpContext context, IGrainFactory grains) =>
        await RenderApplicationAsync(context, grains, await ApplicationOfAsync(grains, context.User, organisationId, id), posted: null);

    private static Task<IResult> Consent(string organisationId, string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        ActAsync(context, grains, organisationId, id, "consent", async form =>
        {
            var consent = form["consentToPublish"] == "true";
            await KiteMarkApi.SetConsentAsync(id, consent, grains, user, WebForms.IfMatch(form));
            return consent ? "Consent to publish given." : "Consent to publish withdrawn.";
        });

    private static Task<IResult> AddEvidence(string organisationId, string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        ActAsync(context, grains, organisationId, id, null, async form =>
        {
            var request = new KiteMarkApi.EvidenceRequest(Given(form, "criterionId"), Given(form, "description"), Given(form, "link"));
            await KiteMarkApi.AddEvidenceAsync(id, request, grains, user, WebForms.IfMatch(form));
            return "Evidence added.";
        });

    private static Task<IResult> Fire(string organisationId, string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        ActAsync(context, grains, organisationId, id, "next", async form =>
        {
            var request = WorkflowApi.Request([KeyValuePair.Create("trigger", form["trigger"].ToString())], user);
            var fired = await KiteMarkApi.FireAsync(grains, user, id, request, WebForms.IfMatch(form));
            return $"{Format.Words(request.Trigger)} done: the application is {Format.Words(fired.State)}.";
        });

    /// <summary>
    /// Runs a form's change of the application: on success back to the page with a notice; a refusal of the form's fields
    /// (422) or of the change (409) shows the page again with the form as filled in and the errors beside it. A stale
    /// <c>If-Match</c> is a 412 page, as in the REST API.
    /// </summary>
    private static async Task<IResult> ActAsync(
        HttpContext context, IGrainFactory grains, string organisationId, string id, string? formKey, Func<IFormCollection, Task<string>> change)
    {
        var form = await WebForms.ReadAsync(context);
        var application = await ApplicationOfAsync(grains, context.User, organisationId, id);
        var key = formKey ?? $"evidence-{form["themeId"]}";
        try
        {
            WebForms.Flash(context, "notice", await change(form));
            return Results.Redirect($"/applicants/{organisationId}/applications/{id}#{key}");
        }
        catch (Exception refused) when (refused is ValidationException or ConflictException or TransitionRefusedException)
        {
            return await RenderApplicationAsync(context, grains, application, Refused(key, form, refused), Status(refused));
        }
    }

    private static async Task<IResult> RenderHomeAsync(HttpContext context, IGrainFactory grains, string organisationId, PostedForm? posted, int status = 200)
    {
        var user = context.User;
        user.EnsureCanRead(organisationId);
        var organisation = await grains.GetGrain<IOrganisationGrain>(organisationId).GetAsync();
        var applications = await IndexPaging.AllAsync(grains.GetGrain<IKiteMarkApplicantIndexGrain>(organisationId).ListAsync);
        var organisations = await IndexPaging.AllAsync(grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).ListAsync);
        var nominated = (await IndexPaging.AllAsync(grains.GetGrain<IKiteMarkNominationsGrain>(IKiteMarkNominationsGrain.All).ListAsync))
            .Select(n => n.OrganisationId).ToHashSet();
        // Awarding bodies as KiteMarkEligibility reads them: local authorities, chambers of commerce, and the organisations they nominate.
        var bodies = organisations.Where(o => o.Id != organisationId
            && (o.Type is OrganisationType.LocalAuthority or OrganisationType.ChamberOfCommerce || nominated.Contains(o.Id))).ToList();
        var schemes = await IndexPaging.AllAsync(grains.GetGrain<IKiteMarkSchemeIndexGrain>(IKiteMarkSchemeIndexGrain.All).ListAsync);
        return WebPage.Render<ApplicantHome>(context, new
        {
            Organisation = organisation,
            Applications = applications,
            Names = organisations.ToDictionary(o => o.Id, o => o.Name),
            Bodies = bodies,
            Schemes = schemes,
            MayApply = user.ActsForApplicant(organisationId),
            Posted = posted,
        }, status);
    }

    private static async Task<IResult> RenderApplicationAsync(
        HttpContext context, IGrainFactory grains, KiteMarkApplicationDetails application, PostedForm? posted, int status = 200)
    {
        var user = context.User;
        var transitions = await grains.GetGrain<IKiteMarkApplicationGrain>(application.Id).GetTransitionsAsync();
        var body = await grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).FindAsync(application.AwardingBodyId);
        return WebPage.Render<ApplicationPage>(context, new
        {
            Application = application,
            AwardingBodyName = body?.Name ?? application.AwardingBodyId,
            // The applicant's own triggers; the champion's (review, award, reject) are on the champion's page.
            Transitions = transitions with
            {
                Permitted = [.. transitions.Permitted.Where(t => user.MayFire(application, t.Trigger) && t.Trigger != nameof(KiteMarkTrigger.Withdraw))],
                Blocked = [.. transitions.Blocked.Where(t => user.MayFire(application, t.Trigger) && t.Trigger != nameof(KiteMarkTrigger.Withdraw))],
            },
            MayChange = user.ActsForApplicant(application.OrganisationId),
            Posted = posted,
        }, status);
    }

    /// <summary>An application of the organisation, read under the REST API's access rule; 404 for another organisation's.</summary>
    private static async Task<KiteMarkApplicationDetails> ApplicationOfAsync(IGrainFactory grains, ClaimsPrincipal user, string organisationId, string id)
    {
        var application = await KiteMarkApi.ReadableAsync(grains, id, user);
        return application.OrganisationId == organisationId
            ? application
            : throw new NotFoundException($"'{organisationId}' has no Kite Mark application '{id}'.");
    }

    private static string? Given(IFormCollection form, string field) => form[field].ToString() is { Length: > 0 } value ? value : null;

    private static PostedForm Refused(string key, IFormCollection form, Exception refused) => refused switch
    {
        ValidationException invalid => new PostedForm(key, form, invalid.Errors),
        _ => new PostedForm(key, form, new Dictionary<string, string[]>(), refused.Message),
    };

    private static int Status(Exception refused) =>
        refused is ValidationException ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
}
