using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Maturity;
using SocialValue.Api.Web.Dashboard;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using SocialValue.Maturity;
using SocialValue.Organisations;
using SocialValue.Workflow;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// An organisation's dashboard (Officer edits, Viewer reads): the maturity radar, the action plan with status, owner
/// and due date editable in place, contracts, committed against delivered by theme, Kite Mark status.
/// </summary>
internal static class DashboardPages
{
    public static void MapDashboardPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/organisations", ListOrganisations);
        web.MapGet("/organisations/{id}", Dashboard);
        web.MapGet("/organisations/{id}/action-plan", ActionPlan);
        web.MapPost("/organisations/{id}/actions/{actionId}", UpdateAction);
        web.MapPost("/organisations/{id}/dimensions/{code}/transitions", FireDimension);
    }

    private static async Task<IResult> ListOrganisations(HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var index = grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All);
        var visible = user.IsAdmin() ? await IndexPaging.AllAsync(index.ListAsync)
            : user.OrganisationId() is { } own && await index.FindAsync(own) is { } mine ? [mine] : [];
        return WebPage.Render<Components.Pages.Organisations.OrganisationsPage>(context, new { Organisations = visible });
    }

    private static async Task<IResult> Dashboard(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time)
    {
        if (!Slug.IsValid(id))
        {
            throw new NotFoundException($"There is no organisation '{id}'.");
        }
        user.EnsureCanRead(id);
        var organisation = await grains.GetGrain<IOrganisationGrain>(id).GetAsync();
        var maturityTask = MaturityOrNullAsync(grains, user, id);
        var contracts = await IndexPaging.AllAsync(grains.GetGrain<IContractIndexGrain>(id).ListAsync);
        var maturity = await maturityTask;
        var holder = await grains.GetGrain<IKiteMarkRegisterGrain>(IKiteMarkRegisterGrain.Register).FindAsync(id) is { } held
            && held.ValidUntil > time.GetUtcNow() ? held : null;
        var figures = await HeadlineFigures.ComputeAsync(grains, id, contracts, maturity, time.GetUtcNow());
        var names = new Dictionary<string, string>();
        foreach (var other in contracts.Select(c => c.OrganisationId).Append(holder?.AwardingBodyId).OfType<string>().Distinct())
        {
            names[other] = await PageNames.OrganisationAsync(grains, other);
        }
        return WebPage.Render<Components.Pages.Organisations.DashboardPage>(context, new
        {
            Organisation = organisation,
            FrameworkName = organisation.FrameworkId is { } framework ? await PageNames.FrameworkAsync(grains, framework) : null,
            CanEdit = user.CanWrite(id),
            Maturity = maturity,
            Model = await grains.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default).GetAsync(),
            Advances = maturity is null ? new Dictionary<string, TransitionOptions>() : await AdvancesAsync(grains.GetGrain<IMaturityGrain>(id), maturity),
            Contracts = contracts,
            Names = names,
            Figures = figures,
            Holder = holder,
            AwardingBodyName = holder is null ? null : names[holder.AwardingBodyId],
        });
    }

    /// <summary>The seed's printable Action Plan page, as the API serves it.</summary>
    private static async Task<IResult> ActionPlan(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var maturity = await MaturityApi.ReadAsync(grains, user, id);
        var model = await grains.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default).GetAsync();
        return ActionPlanDocument.Page(context, maturity, model);
    }

    private static async Task<MaturityDetails?> MaturityOrNullAsync(IGrainFactory grains, ClaimsPrincipal user, string id)
    {
        try
        {
            return await MaturityApi.ReadAsync(grains, user, id);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static async Task<Dictionary<string, TransitionOptions>> AdvancesAsync(IMaturityGrain grain, MaturityDetails maturity)
    {
        var advances = new Dictionary<string, TransitionOptions>();
        foreach (var d in maturity.Dimensions)
        {
            var transitions = await grain.GetTransitionsAsync(d.Code);
            advances[d.Code] = transitions with
            {
                Permitted = [.. transitions.Permitted.Where(p => p.Trigger == nameof(DimensionTrigger.Advance))],
                Blocked = [.. transitions.Blocked.Where(b => b.Trigger == nameof(DimensionTrigger.Advance))],
            };
        }
        return advances;
    }

    private static Task<IResult> UpdateAction(string id, string actionId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/organisations/{id}#action-{actionId}", async form =>
        {
            var due = form["dueDate"].ToString();
            var request = new MaturityApi.ActionRequest(form["status"].ToString(), form["owner"].ToString(),
                DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null, null, null);
            await MaturityApi.UpdateActionAsync(grains, user, id, actionId, request, WebForms.IfMatch(form));
            return "Action saved.";
        });

    private static Task<IResult> FireDimension(string id, string code, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/organisations/{id}#dimension-{code}", async form =>
        {
            var request = WebForms.Transition(form, user, new HashSet<string>());
            await MaturityApi.FireDimensionAsync(grains, user, id, code, request, WebForms.IfMatch(form));
            return $"Dimension {code}: {Format.Words(request.Trigger)} done.";
        });
}
