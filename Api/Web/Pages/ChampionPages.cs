using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.KiteMark;
using SocialValue.Api.Web.Components.Pages.KiteMark;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Indexes;
using SocialValue.Keys;
using SocialValue.KiteMark;
using SocialValue.Organisations;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// The champion's work: the awarding body's applications by state and the awards expiring in 90 days; an application
/// with evidence per theme to accept or reject, coverage and must-dos, and Award only when the rule is met.
/// </summary>
internal static class ChampionPages
{
    private const int ExpiringDays = 90;

    public static void MapChampionPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/kitemark/queue", Queue);
        web.MapPost("/kitemark/schemes", PutScheme);
        web.MapGet("/kitemark/applications/{id}", ApplicationAsync);
        web.MapPost("/kitemark/applications/{id}/evidence/{evidenceId}/review", Review);
        web.MapPost("/kitemark/applications/{id}/transitions", Fire);
    }

    private static async Task<IResult> Queue(string? awardingBodyId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time)
    {
        var organisations = await IndexPaging.AllAsync(grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).ListAsync);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var nominations = await IndexPaging.AllAsync(grains.GetGrain<IKiteMarkNominationsGrain>(IKiteMarkNominationsGrain.All).ListAsync);
        if (awardingBodyId is null && user.Role() == Role.Admin)
        {
            var nominatedBy = nominations.ToDictionary(n => n.OrganisationId, n => names.GetValueOrDefault(n.NominatedBy, n.NominatedBy));
            var bodies = organisations
                .Where(o => o.Type is OrganisationType.LocalAuthority or OrganisationType.ChamberOfCommerce || nominatedBy.ContainsKey(o.Id))
                .Select(o => (o, nominatedBy.GetValueOrDefault(o.Id)))
                .ToList();
            return WebPage.Render<QueuePage>(context, new { Bodies = bodies });
        }
        var body = user.QueueOf(awardingBodyId);
        var queue = grains.GetGrain<IKiteMarkApplicationIndexGrain>(body);
        return WebPage.Render<QueuePage>(context, new
        {
            ExpiringDays,
            BodyId = body,
            BodyName = names.GetValueOrDefault(body, body),
            Applications = await IndexPaging.AllAsync((after, limit) => queue.ListAsync(after, limit, null)),
            Expiring = await queue.ListExpiringAsync(time.GetUtcNow().AddDays(ExpiringDays)),
            Schemes = await IndexPaging.AllAsync(grains.GetGrain<IKiteMarkSchemeIndexGrain>(IKiteMarkSchemeIndexGrain.All).ListAsync),
            Nominated = nominations.Where(n => n.NominatedBy == body)
                .Select(n => (names.GetValueOrDefault(n.OrganisationId, n.OrganisationId), n.NominatedAt)).ToList(),
        });
    }

    /// <summary>
    /// The awarding body's own scheme, started from another with its own name and validity in days; the champion's
    /// queue shows it among the schemes. Admin is asked to choose an awarding body first, so the scheme is always a body's.
    /// </summary>
    private static Task<IResult> PutScheme(string? awardingBodyId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, QueueUrl(awardingBodyId) + "#schemes", async form =>
        {
            var body = user.QueueOf(awardingBodyId);
            var name = form["name"].ToString().Trim();
            var id = form["id"].ToString().Trim() is { Length: > 0 } given ? given : Slug.From(name.Length == 0 ? "scheme" : name);
            var days = form["validityDays"].ToString().Trim();
            if (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var validity)
                || validity is < 1 or > 3650)
            {
                throw new ValidationException("validityDays", "Give the validity as a whole number of days from 1 to 3650.");
            }
            var scheme = await KiteMarkApi.PutSchemeAsync(id, new KiteMarkApi.SchemeRequest(
                name, body, form["copyFrom"].ToString() is { Length: > 0 } from ? from : null, Themes: null, MustDos: null, $"P{validity}D"), grains, user, ifMatch: null);
            return $"Scheme {scheme.Scheme.Name} saved: valid for {validity} days.";
        });

    private static string QueueUrl(string? awardingBodyId) =>
        awardingBodyId is null ? "/kitemark/queue" : $"/kitemark/queue?awardingBodyId={Uri.EscapeDataString(awardingBodyId)}";

    private static async Task<IResult> ApplicationAsync(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var application = await KiteMarkApi.ReadableAsync(grains, id, user);
        var transitions = await grains.GetGrain<IKiteMarkApplicationGrain>(id).GetTransitionsAsync();
        // Expire is the scheduler's alone; no person is offered it.
        transitions = transitions with { Blocked = [.. transitions.Blocked.Where(b => b.Trigger != nameof(KiteMarkTrigger.Expire))] };
        return WebPage.Render<ApplicationPage>(context, new
        {
            Application = application,
            AwardingBodyName = await PageNames.OrganisationAsync(grains, application.AwardingBodyId),
            Transitions = transitions,
            MayFire = (Func<string, bool>)(trigger => user.MayFire(application, trigger)),
            Criteria = await CriteriaAsync(grains, application.SchemeId),
            Reviewing = user.ActsForAwardingBody(application.AwardingBodyId)
                && application.State is KiteMarkState.Submitted or KiteMarkState.UnderReview or KiteMarkState.MoreEvidenceRequested,
        });
    }

    /// <summary>Criterion texts of the scheme; an application keeps ids even if a local scheme has since changed.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> CriteriaAsync(IGrainFactory grains, string schemeId)
    {
        try
        {
            var scheme = await grains.GetGrain<IKiteMarkSchemeGrain>(schemeId).GetAsync();
            return scheme.Scheme.Themes.SelectMany(t => t.Criteria).ToDictionary(c => c.Id, c => c.Text);
        }
        catch (NotFoundException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static Task<IResult> Review(string id, string evidenceId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/kitemark/applications/{id}#evidence-{evidenceId}", async form =>
        {
            var accepted = form["accepted"] == "true";
            WebForms.EnsureConfirmed(form, !accepted, "Rejecting evidence");
            await KiteMarkApi.ReviewEvidenceAsync(grains, user, id, evidenceId,
                new KiteMarkApi.ReviewRequest(accepted, form["comment"].ToString()), WebForms.IfMatch(form));
            return accepted ? "Evidence accepted." : "Evidence rejected.";
        });

    private static Task<IResult> Fire(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/kitemark/applications/{id}#decide", async form =>
        {
            var request = WebForms.Transition(form, user, ApplicationPage.Irreversible);
            await KiteMarkApi.FireAsync(grains, user, id, request, WebForms.IfMatch(form));
            return $"{Format.Words(request.Trigger)} done.";
        });
}
