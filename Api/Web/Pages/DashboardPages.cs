using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Maturity;
using SocialValue.Api.Web.Charts;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using SocialValue.Maturity;
using SocialValue.Organisations;
using static SocialValue.Api.Web.Markup;

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
        web.MapGet("/organisations/{id}/action-plan", (string id, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response) =>
            MaturityApi.GetActionPlan(id, null, grains, user, response));
        web.MapPost("/organisations/{id}/actions/{actionId}", UpdateAction);
        web.MapPost("/organisations/{id}/dimensions/{code}/transitions", FireDimension);
    }

    private static async Task<IResult> ListOrganisations(HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var index = grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All);
        var visible = user.IsAdmin() ? await IndexPaging.AllAsync(index.ListAsync)
            : user.OrganisationId() is { } own && await index.FindAsync(own) is { } mine ? [mine] : [];
        return Layout.Page(context, "Organisations", H($"""
            <h1>Organisations</h1>
            <ul class="cards">{visible.Select(o => H($"<li><a href=\"/organisations/{o.Id}\">{o.Name}</a> <span class=\"muted\">{Format.Words(o.Type)} · {o.Place}</span></li>"))}</ul>
            """));
    }

    private static async Task<IResult> Dashboard(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time)
    {
        if (!Slug.IsValid(id))
        {
            throw new NotFoundException($"There is no organisation '{id}'.");
        }
        user.EnsureCanRead(id);
        var organisation = await grains.GetGrain<IOrganisationGrain>(id).GetAsync();
        var canEdit = user.CanWrite(id);
        var maturity = await MaturityOrNullAsync(grains.GetGrain<IMaturityGrain>(id));
        var model = await grains.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default).GetAsync();
        var contracts = await IndexPaging.AllAsync(grains.GetGrain<IContractIndexGrain>(id).ListAsync);
        var holder = await grains.GetGrain<IKiteMarkRegisterGrain>(IKiteMarkRegisterGrain.Register).FindAsync(id) is { } held
            && held.ValidUntil > time.GetUtcNow() ? held : null;

        var (index, plan) = maturity is null
            ? (H($"<section aria-labelledby=\"maturity-h\"><h2 id=\"maturity-h\">Maturity index</h2><p>Not assessed yet.</p></section>"), Empty)
            : await MaturityAsync(context, grains, maturity, model, canEdit);
        var contractsSection = await ContractsAsync(grains, id, contracts);
        return Layout.Page(context, organisation.Name, H($"""
            <h1>{organisation.Name}</h1>
            <p class="muted">{Format.Words(organisation.Type)} · {organisation.Place}{When(organisation.FrameworkId is not null, H($" · framework {organisation.FrameworkId}"))}{When(!canEdit, H($" · <strong>read-only</strong>"))}</p>
            {index}
            <section aria-labelledby="kitemark-h"><h2 id="kitemark-h">Social Value Award (Kite Mark)</h2>
            <p id="kitemark-status">{(holder is null ? H($"Not a current holder.") : H($"Holder, awarded {Format.Date(holder.AwardedOn)}, valid until <strong>{Format.Date(holder.ValidUntil)}</strong>."))}</p></section>
            {contractsSection}
            {plan}
            """));
    }

    private static async Task<MaturityDetails?> MaturityOrNullAsync(IMaturityGrain grain)
    {
        try
        {
            return await grain.GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static async Task<(Markup Index, Markup Plan)> MaturityAsync(HttpContext context, IGrainFactory grains, MaturityDetails maturity, MaturityModelDetails model, bool canEdit)
    {
        var labels = model.Levels.OrderBy(l => l.Level).Select(l => l.Label).ToList();
        string Label(MaturityLevel level) => labels[(int)level];
        var radar = RadarChart.Svg("radar", $"Maturity of {maturity.OrganisationName}: present against target",
            [.. maturity.Dimensions.Select(d => (d.Code, d.Name, (int)d.Present, (int)d.Target))], labels);
        var grain = grains.GetGrain<IMaturityGrain>(maturity.OrganisationId);
        var dimensions = new List<Markup>();
        foreach (var d in maturity.Dimensions)
        {
            var transitions = await grain.GetTransitionsAsync(d.Code);
            var advance = transitions with
            {
                Permitted = [.. transitions.Permitted.Where(p => p.Trigger == "Advance")],
                Blocked = [.. transitions.Blocked.Where(b => b.Trigger == "Advance")],
            };
            var actions = d.Actions.GroupBy(a => a.Level).Select(level => H($"""
                <h4>To reach {Label(level.Key)}</h4>
                <ul class="actions">{level.Select(a => Action(context, maturity.OrganisationId, a, canEdit))}</ul>
                """));
            dimensions.Add(H($"""
                <section class="dimension" id="dimension-{d.Code}" aria-labelledby="dimension-{d.Code}-h">
                  <h3 id="dimension-{d.Code}-h">{d.Code} {d.Name}</h3>
                  <p>Present <strong class="level" data-present="{d.Present}">{Label(d.Present)}</strong>, target <strong>{Label(d.Target)}</strong></p>
                  {TransitionControls.Render(context, $"advance-{d.Code}", $"/organisations/{maturity.OrganisationId}/dimensions/{d.Code}/transitions", advance, _ => canEdit)}
                  {(d.Actions.Count == 0 ? H($"<p class=\"muted\">No actions planned.</p>") : Join(actions))}
                </section>
                """));
        }
        return (H($"""
            <section aria-labelledby="maturity-h">
              <h2 id="maturity-h">Maturity index</h2>
              <p>Overall: present <strong>{Label(maturity.Overall.Present)}</strong>, target <strong>{Label(maturity.Overall.Target)}</strong>.
                 Assessed {Format.Date(maturity.AssessedAt)}; next review {Format.Date(maturity.NextReviewAt)}{When(maturity.ReviewDue, H($" — <strong>due now</strong>"))}.</p>
              <div class="chart-box">{radar}</div>
              <p><a href="/organisations/{maturity.OrganisationId}/action-plan" id="printable-plan">Printable action plan</a></p>
            </section>
            """), H($"""
            <section aria-labelledby="plan-h">
              <h2 id="plan-h">Action plan</h2>
              <p><a href="/organisations/{maturity.OrganisationId}/action-plan">Printable action plan</a></p>
              {dimensions}
            </section>
            """));
    }

    private static Markup Action(HttpContext context, string organisationId, PlannedAction a, bool canEdit)
    {
        if (!canEdit)
        {
            return H($"""
                <li class="action" id="action-{a.Id}"><p>{a.Text}</p>
                <dl class="inline"><dt>Status</dt><dd data-status="{a.Status}">{Format.Words(a.Status)}</dd><dt>Owner</dt><dd>{a.Owner ?? "—"}</dd><dt>Due</dt><dd>{(a.DueDate is { } due ? Format.Date(due) : "—")}</dd></dl></li>
                """);
        }
        var statuses = Enum.GetValues<ActionStatus>().Select(s =>
            H($"<option value=\"{s}\"{When(s == a.Status, H($" selected"))}>{Format.Words(s)}</option>"));
        return H($"""
            <li class="action" id="action-{a.Id}"><p id="action-{a.Id}-text">{a.Text}</p>
            {WebForms.Form(context, $"/organisations/{organisationId}/actions/{a.Id}", H($"""
              <div class="field"><label for="status-{a.Id}">Status</label><select id="status-{a.Id}" name="status">{statuses}</select></div>
              <div class="field"><label for="owner-{a.Id}">Owner</label><input id="owner-{a.Id}" name="owner" value="{a.Owner ?? ""}" maxlength="200"></div>
              <div class="field"><label for="due-{a.Id}">Due date</label><input id="due-{a.Id}" name="dueDate" type="date" value="{a.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}"></div>
              <button type="submit" aria-describedby="action-{a.Id}-text">Save</button>
              """), "action-form", enhance: true)}
            </li>
            """);
    }

    private static async Task<Markup> ContractsAsync(IGrainFactory grains, string organisationId, IReadOnlyList<ContractSummary> contracts)
    {
        var themes = new Dictionary<string, (decimal Committed, decimal Delivered)>();
        var unvalued = 0;
        foreach (var contract in contracts.Where(c => c.OrganisationId == organisationId
            && c.State is ContractStatus.Awarded or ContractStatus.Live or ContractStatus.Completed or ContractStatus.Terminated))
        {
            var socialValue = await grains.GetGrain<IContractGrain>(contract.Id).GetSocialValueAsync(null);
            unvalued += socialValue.Total.UnvaluedMeasures;
            foreach (var theme in socialValue.Themes)
            {
                var (committed, delivered) = themes.GetValueOrDefault(theme.Name);
                themes[theme.Name] = (committed + theme.CommittedValue, delivered + theme.DeliveredValue);
            }
        }
        var rows = contracts.Select(c => H($"""
            <tr><td><a href="/contracts/{c.Id}">{c.Title}</a></td><td data-state="{c.State}">{Format.Words(c.State)}</td><td class="num">{Format.Pounds(c.Value)}</td><td>{(c.OrganisationId == organisationId ? c.Supplier ?? "—" : "(we supply)")}</td></tr>
            """));
        return H($"""
            <section aria-labelledby="contracts-h">
              <h2 id="contracts-h">Contracts</h2>
              {(contracts.Count == 0 ? H($"<p>No contracts yet.</p>") : H($"""
                <div class="table-wrap"><table><caption class="visually-hidden">Contracts and their state</caption>
                <thead><tr><th scope="col">Contract</th><th scope="col">State</th><th scope="col" class="num">Value</th><th scope="col">Supplier</th></tr></thead>
                <tbody>{rows}</tbody></table></div>
                """))}
              <h3>Social value by theme</h3>
              {(themes.Count == 0 ? H($"<p>No social value committed yet.</p>") : H($"<div class=\"chart-box\">{BarChart.Svg("by-theme", "Social value committed against delivered, by theme", [.. themes.Select(t => (t.Key, t.Value.Committed, t.Value.Delivered))])}</div>"))}
              {When(unvalued > 0, H($"<p class=\"muted\">£ leave out {unvalued} contract measures that have no proxy value in force; they count in units only.</p>"))}
            </section>
            """);
    }

    private static Task<IResult> UpdateAction(string id, string actionId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/organisations/{id}#action-{actionId}", async form =>
        {
            var due = form["dueDate"].ToString();
            var request = new MaturityApi.ActionRequest(
                form["status"].ToString(), form["owner"].ToString(), DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null, null, null);
            await MaturityApi.UpdateAction(id, actionId, request, grains, user, context);
            return "Action saved.";
        });

    private static Task<IResult> FireDimension(string id, string code, HttpContext context, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/organisations/{id}#dimension-{code}", async form =>
        {
            var request = TransitionControls.Request(form, user);
            await MaturityApi.FireDimension(context, request);
            return $"Dimension {code}: {Format.Words(request.Trigger)} done.";
        });
}
