using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.KiteMark;
using SocialValue.Errors;
using SocialValue.Indexes;
using SocialValue.Keys;
using SocialValue.KiteMark;
using SocialValue.Organisations;
using static SocialValue.Api.Web.Markup;

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
        web.MapGet("/kitemark/applications/{id}", Application);
        web.MapPost("/kitemark/applications/{id}/evidence/{evidenceId}/review", Review);
        web.MapPost("/kitemark/applications/{id}/transitions", Fire);
    }

    private static async Task<IResult> Queue(string? awardingBodyId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time)
    {
        if (awardingBodyId is null && user.Role() == Role.Admin)
        {
            var bodies = (await IndexPaging.AllAsync(grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).ListAsync))
                .Where(o => o.Type is OrganisationType.LocalAuthority or OrganisationType.ChamberOfCommerce);
            return Layout.Page(context, "Champion's queue", H($"""
                <h1>Champion's queue</h1><p>Choose an awarding body.</p>
                <ul class="cards">{bodies.Select(b => H($"<li><a href=\"/kitemark/queue?awardingBodyId={b.Id}\">{b.Name}</a></li>"))}</ul>
                """));
        }
        var body = user.QueueOf(awardingBodyId);
        var queue = grains.GetGrain<IKiteMarkApplicationIndexGrain>(body);
        var applications = await IndexPaging.AllAsync((after, limit) => queue.ListAsync(after, limit, null));
        var expiring = await queue.ListExpiringAsync(time.GetUtcNow().AddDays(ExpiringDays));
        var byState = applications.GroupBy(a => a.State).OrderBy(g => g.Key).Select(g => H($"""
            <section aria-labelledby="state-{g.Key}"><h3 id="state-{g.Key}">{Format.Words(g.Key)} <span class="badge">{g.Count()}</span></h3>
            <ul class="cards">{g.Select(a => H($"<li><a href=\"/kitemark/applications/{a.Id}\">{a.OrganisationName}</a> <span class=\"muted\">updated {Format.Date(a.UpdatedAt)}</span></li>"))}</ul></section>
            """));
        return Layout.Page(context, "Champion's queue", H($"""
            <h1>Champion's queue</h1>
            <p class="muted">Applications to {body}.</p>
            <section aria-labelledby="queue-h"><h2 id="queue-h">Applications by state</h2>
            {(applications.Count == 0 ? H($"<p>No applications.</p>") : Join(byState))}</section>
            <section aria-labelledby="expiring-h"><h2 id="expiring-h">Awards expiring in the next {ExpiringDays} days</h2>
            {(expiring.Count == 0 ? H($"<p>None.</p>") : H($"<ul class=\"cards\" id=\"expiring\">{expiring.Select(a => H($"<li><a href=\"/kitemark/applications/{a.Id}\">{a.OrganisationName}</a> expires {Format.Date(a.ValidUntil)}</li>"))}</ul>"))}</section>
            """));
    }

    private static async Task<IResult> Application(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var application = await KiteMarkApi.ReadableAsync(grains, id, user);
        var transitions = await grains.GetGrain<IKiteMarkApplicationGrain>(id).GetTransitionsAsync();
        // Expire is the scheduler's alone; no person is offered it.
        transitions = transitions with { Blocked = [.. transitions.Blocked.Where(b => b.Trigger != nameof(KiteMarkTrigger.Expire))] };
        var criteria = await CriteriaAsync(grains, application.SchemeId);
        var reviewing = user.ActsForAwardingBody(application.AwardingBodyId)
            && application.State is KiteMarkState.Submitted or KiteMarkState.UnderReview or KiteMarkState.MoreEvidenceRequested;
        var themes = application.Coverage.Select(t => H($"""
            <section class="theme" id="theme-{t.ThemeId}" aria-labelledby="theme-{t.ThemeId}-h">
              <h3 id="theme-{t.ThemeId}-h">{t.Name} <span class="badge {(t.Covered ? "accepted" : "pending")}" data-covered="{t.Covered}">{(t.Covered ? "covered" : "not covered")}</span></h3>
              <p class="muted">{t.Accepted} accepted, {t.Pending} pending, {t.Rejected} rejected.</p>
              <ul class="evidence">{application.Evidence.Where(e => e.ThemeId == t.ThemeId).Select(e => Evidence(context, id, e, criteria, reviewing))}</ul>
            </section>
            """));
        var mustDos = application.MustDos.Select(m => H($"<li data-met=\"{m.Met}\">{(m.Met ? "✓ met" : "✗ not met")}: {m.Text}</li>"));
        Markup Reason(string trigger) => When(trigger is nameof(KiteMarkTrigger.Reject) or nameof(KiteMarkTrigger.Revoke), H($"""
            <label for="{trigger}-reason">Reason</label><input id="{trigger}-reason" name="reason" required maxlength="1000">
            """));
        return Layout.Page(context, $"Application of {application.OrganisationName}", H($"""
            <h1>Social Value Award: {application.OrganisationName}</h1>
            <p class="muted">To {application.AwardingBodyId} under {application.SchemeName} · consent to publish: {(application.ConsentToPublish ? "given" : "not given")}</p>
            <p>State: <strong id="application-state" data-state="{application.State}">{Format.Words(application.State)}</strong>{(application.ValidUntil is { } until ? H($" · awarded {Format.Date(application.AwardedOn)}, valid until <strong>{Format.Date(until)}</strong>") : Empty)}</p>
            <section aria-labelledby="decide-h"><h2 id="decide-h">Decision</h2>
              {TransitionControls.Render(context, "application-transitions", $"/kitemark/applications/{id}/transitions", transitions, t => user.MayFire(application, t), Reason)}
            </section>
            <section aria-labelledby="mustdo-h"><h2 id="mustdo-h">Must-dos</h2><ul id="must-dos">{mustDos}</ul></section>
            <section aria-labelledby="evidence-h"><h2 id="evidence-h">Evidence by theme</h2>{themes}</section>
            """));
    }

    private static Markup Evidence(HttpContext context, string id, EvidenceDetails e, IReadOnlyDictionary<string, string> criteria, bool reviewing) => H($"""
        <li class="evidence-item" id="evidence-{e.Id}">
          <p><strong>{criteria.GetValueOrDefault(e.CriterionId, e.CriterionId)}</strong></p>
          <p>{e.Description}{When(e.Link is not null, H($" — <a href=\"{e.Link}\" rel=\"noopener noreferrer\">{e.Link}</a>"))}</p>
          <p class="muted">Added by {e.AddedBy} on {Format.Date(e.AddedAt)}.</p>
          <p class="review" data-review="{(e.Review is null ? "pending" : e.Review.Accepted ? "accepted" : "rejected")}">{(e.Review is { } r ? H($"<span class=\"badge {(r.Accepted ? "accepted" : "rejected")}\">{(r.Accepted ? "Accepted" : "Rejected")}</span> by {r.ReviewedBy}: “{r.Comment}”") : H($"<span class=\"badge pending\">Awaiting review</span>"))}</p>
          {When(reviewing, WebForms.Form(context, $"/kitemark/applications/{id}/evidence/{e.Id}/review", H($"""
            <label for="comment-{e.Id}">Comment</label><input id="comment-{e.Id}" name="comment" required maxlength="4000" value="{e.Review?.Comment ?? ""}">
            <button type="submit" name="accepted" value="true">Accept</button>
            <button type="submit" name="accepted" value="false" class="secondary">Reject</button>
            """), "review-form"))}
        </li>
        """);

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
            await KiteMarkApi.ReviewEvidence(id, evidenceId, new KiteMarkApi.ReviewRequest(accepted, form["comment"].ToString()), grains, user, context);
            return accepted ? "Evidence accepted." : "Evidence rejected.";
        });

    private static Task<IResult> Fire(string id, HttpContext context, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/kitemark/applications/{id}", async form =>
        {
            var request = TransitionControls.Request(form, user);
            await KiteMarkApi.Fire(context, request);
            return $"{Format.Words(request.Trigger)} done.";
        });
}
