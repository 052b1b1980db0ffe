using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Api.Web.Charts;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Frameworks;
using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web.Pages;

/// <summary>A contract: the commissioning cycle drawn, its transitions, specification, ranked bids, returns and their verification.</summary>
internal static class ContractPages
{
    private static readonly IReadOnlyList<(string Phase, IReadOnlyList<string> States, bool Sequence)> Cycle =
    [
        ("Planning", [nameof(ContractStatus.Initiated), nameof(ContractStatus.NeedsAnalysis), nameof(ContractStatus.Consultation), nameof(ContractStatus.Specification)], true),
        ("Purchasing", [nameof(ContractStatus.Tendering), nameof(ContractStatus.Evaluation), nameof(ContractStatus.Awarded)], true),
        ("Monitoring", [nameof(ContractStatus.Live), nameof(ContractStatus.Completed)], true),
        ("Ended early", [nameof(ContractStatus.Terminated), nameof(ContractStatus.Cancelled)], false),
    ];

    public static void MapContractPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/contracts/{id}", ContractPage);
        web.MapPost("/contracts/{id}/transitions", Fire);
        web.MapPost("/contracts/{id}/returns/{returnId}/verification", Verify);
    }

    private static async Task<IResult> ContractPage(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var (grain, contract) = await ContractsApi.AuthorisedAsync(context, id, ContractsApi.Access.Read);
        var commissioner = user.CanWrite(contract.OrganisationId);
        var readsBids = commissioner || user.IsAdmin() || user.OrganisationId() == contract.OrganisationId;
        var transitions = await grain.GetTransitionsAsync();
        var framework = contract.FrameworkId is null ? null : await FrameworkOrNullAsync(grains.GetGrain<IFrameworkGrain>(contract.FrameworkId));
        var measures = framework?.Themes.SelectMany(t => t.Outcomes).SelectMany(o => o.Measures).ToDictionary(m => m.Id, m => m.Title) ?? [];
        var outcomes = framework?.Themes.SelectMany(t => t.Outcomes).ToDictionary(o => o.Id, o => o.Name) ?? [];
        var bids = readsBids ? await grain.GetBidsAsync() : [];
        var returns = await grain.GetReturnsAsync();
        var visited = contract.History.Where(h => h.Subject is null).Select(h => h.From).ToHashSet();
        var socialValue = contract.Terms.Count == 0 ? null : await grain.GetSocialValueAsync(null);
        var delivery = socialValue is null ? Empty : H($"""
            {BarChart.Svg("contract-by-theme", "Social value committed against delivered, by theme", [.. socialValue.Themes.Select(t => (t.Name, t.CommittedValue, t.DeliveredValue))])}
            <p>Delivered {Format.Pounds(socialValue.Total.DeliveredValue)} gross, {Format.Pounds(socialValue.Total.DeliveredNetValue)} net of deadweight, attribution, displacement and drop-off{(socialValue.SocialValueRatio is { } ratio ? H($"; social value ratio {Format.Number(ratio)} (net £ per £ of contract value)") : Empty)}.</p>
            {When(socialValue.Total.UnvaluedMeasures > 0, H($"<p class=\"muted\">£ leave out {socialValue.Total.UnvaluedMeasures} of {socialValue.Measures.Count} measures that have no proxy value in force; they count in units only.</p>"))}
            """);

        Markup TriggerFields(string trigger) => trigger switch
        {
            nameof(ContractTrigger.Award) => H($"""
                <label for="award-bid">Winning bid</label>
                <select id="award-bid" name="bidId" required>{bids.Where(b => b.WeightedScore is not null).Select(b => H($"<option value=\"{b.Id}\">{b.Supplier} ({Format.Number(b.WeightedScore!.Value)})</option>"))}</select>
                """),
            nameof(ContractTrigger.Terminate) or nameof(ContractTrigger.Cancel) => H($"""
                <label for="{trigger}-reason">Reason</label><input id="{trigger}-reason" name="reason" required maxlength="1000">
                """),
            _ => Empty,
        };

        return Layout.Page(context, contract.Title, H($"""
            <h1>{contract.Title}</h1>
            <p class="muted">Commissioned by <a href="/organisations/{contract.OrganisationId}">{contract.OrganisationId}</a> · {Format.Pounds(contract.Value)} · framework {contract.FrameworkId ?? "—"}{When(!commissioner, H($" · <strong>read-only</strong>"))}</p>
            <section aria-labelledby="cycle-h">
              <h2 id="cycle-h">Commissioning cycle</h2>
              <p>State: <strong id="contract-state" data-state="{contract.State}">{Format.Words(contract.State)}</strong></p>
              <div class="chart-box wide">{StateStrip.Svg("cycle", "The commissioning cycle", Cycle, contract.State.ToString(), visited)}</div>
              <h3>What can happen next</h3>
              {TransitionControls.Render(context, "contract-transitions", $"/contracts/{id}/transitions", transitions, _ => commissioner, TriggerFields)}
            </section>
            <section aria-labelledby="spec-h">
              <h2 id="spec-h">Specification</h2>
              {(contract.Specification.OutcomeIds.Count == 0 ? H($"<p>No outcomes chosen yet.</p>") : H($"""
                <h3>Outcomes</h3><ul>{contract.Specification.OutcomeIds.Select(o => H($"<li>{outcomes.GetValueOrDefault(o, o)}</li>"))}</ul>
                <h3>Measures</h3><ul>{contract.Specification.MeasureIds.Select(m => H($"<li>{measures.GetValueOrDefault(m, m)}</li>"))}</ul>
                """))}
              <p>Social value weighting: {(contract.Tender.SocialValueWeighting is { } w ? $"{Format.Number(w * 100)}%{(contract.Tender.WeightingIsDefault ? " (default)" : "")}" : "not set")}</p>
            </section>
            {When(readsBids, Bids(bids))}
            {Terms(contract, delivery)}
            {Returns(context, id, returns, measures, commissioner)}
            """));
    }

    private static async Task<FrameworkDetails?> FrameworkOrNullAsync(IFrameworkGrain grain)
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

    private static Markup Bids(IReadOnlyList<BidDetails> bids) => H($"""
        <section aria-labelledby="bids-h">
          <h2 id="bids-h">Bids, ranked by score</h2>
          {(bids.Count == 0 ? H($"<p>No bids.</p>") : H($"""
            <div class="table-wrap"><table id="bids">
            <thead><tr><th scope="col">Rank</th><th scope="col">Supplier</th><th scope="col" class="num">Price</th><th scope="col" class="num">Delivery</th><th scope="col" class="num">Measurement</th><th scope="col" class="num">Social value score</th><th scope="col" class="num">Weighted</th></tr></thead>
            <tbody>{bids.Select((b, i) => H($"<tr><td>{(b.WeightedScore is null ? "—" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}</td><td>{b.Supplier}</td><td class=\"num\">{Format.Pounds(b.Price)}</td><td class=\"num\">{(b.Scores is { } s ? Format.Number(s.Delivery) : "—")}</td><td class=\"num\">{(b.Scores is { } m ? Format.Number(m.Measurement) : "—")}</td><td class=\"num\">{(b.SocialValueScore is { } sv ? Format.Number(sv) : "—")}</td><td class=\"num\">{(b.WeightedScore is { } ws ? Format.Number(ws) : "—")}</td></tr>"))}</tbody>
            </table></div>
            """))}
        </section>
        """);

    private static Markup Terms(ContractDetails contract, Markup delivery) => When(contract.Terms.Count > 0, H($"""
        <section aria-labelledby="terms-h">
          <h2 id="terms-h">Social value terms</h2>
          <p>Awarded to {contract.Award?.Supplier} on {Format.Date(contract.Award?.AwardedAt)}. Contract KPIs serve outcomes linked to the contract's subject matter and are monitored through the returns; contract terms serve outcomes that cannot be linked to it.</p>
          <div class="table-wrap"><table>
          <thead><tr><th scope="col">Measure</th><th scope="col">Kind</th><th scope="col">Theme</th><th scope="col" class="num">Target</th><th scope="col" class="num">Committed value</th><th scope="col" class="num">Formula</th></tr></thead>
          <tbody>{contract.Terms.OrderBy(t => t.Kind).Select(t => H($"<tr data-kind=\"{t.Kind}\"><td>{t.Title}</td><td>{(t.Kind == TermKind.Kpi ? "Contract KPI" : "Contract term")}</td><td>{t.ThemeName}</td><td class=\"num\">{Format.Number(t.Target)} {t.Unit}</td><td class=\"num\">{Gbp(t.CommittedValue, t.CommittedValueNote)}</td><td class=\"num\">v{t.FormulaVersion}</td></tr>"))}</tbody>
          </table></div>
          {(contract.Award?.Answers is { } answers ? H($"""
            <h3>The winning bid's answers, now terms of the contract</h3>
            <dl class="answers"><dt>How the outcomes will be delivered</dt><dd>{answers.Delivery}</dd><dt>How delivery will be measured and verified</dt><dd>{answers.Measurement}</dd></dl>
            """) : Empty)}
          <div class="chart-box">{delivery}</div>
        </section>
        """));

    /// <summary>A £ figure, or "unvalued" with the reason on hover: pounds are never shown for a figure that has none.</summary>
    private static Markup Gbp(decimal? gbp, string? whyNot) =>
        gbp is { } value ? H($"{Format.Pounds(value)}") : H($"<span title=\"{whyNot}\">unvalued</span>");

    private static Markup Returns(HttpContext context, string id, IReadOnlyList<ReturnDetails> returns, Dictionary<string, string> measures, bool commissioner) => H($"""
        <section aria-labelledby="returns-h">
          <h2 id="returns-h">Returns</h2>
          {(returns.Count == 0 ? H($"<p>No returns yet.</p>") : Join(returns.Select(r => H($"""
            <article class="return" id="return-{r.Id}">
              <h3>{r.Period} <span class="badge {r.Status.ToString().ToLowerInvariant()}">{Format.Words(r.Status)}</span></h3>
              <ul>{r.Lines.Select(l => H($"<li>{measures.GetValueOrDefault(l.MeasureId, l.MeasureId)}: {Format.Number(l.Units)} = {Gbp(l.Gbp, l.UnvaluedReason)} (formula v{l.FormulaVersion}){When(l.Evidence is not null, H($" — evidence: {l.Evidence}"))}</li>"))}</ul>
              <p class="muted">Submitted by {r.SubmittedBy} on {Format.Date(r.SubmittedAt)}.{(r.Verification is { } v ? H($" {(v.Accepted ? "Accepted" : "Rejected")} by {v.By} on {Format.Date(v.At)}{When(v.Comment is not null, H($": “{v.Comment}”"))}.") : Empty)}</p>
              {When(commissioner && r.Status == ReturnStatus.Submitted, WebForms.Form(context, $"/contracts/{id}/returns/{r.Id}/verification", H($"""
                <label for="comment-{r.Id}">Comment (needed to reject)</label><input id="comment-{r.Id}" name="comment" maxlength="2000">
                <button type="submit" name="accepted" value="true">Accept return</button>
                <button type="submit" name="accepted" value="false" class="secondary">Reject return</button>
                """), "verify"))}
            </article>
            """))))}
        </section>
        """);

    private static Task<IResult> Fire(string id, HttpContext context, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/contracts/{id}", async form =>
        {
            var request = TransitionControls.Request(form, user);
            await ContractsApi.Fire(context, request);
            return $"{Format.Words(request.Trigger)} done.";
        });

    private static Task<IResult> Verify(string id, string returnId, HttpContext context, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/contracts/{id}#return-{returnId}", async form =>
        {
            var accepted = form["accepted"] == "true";
            var comment = form["comment"].ToString();
            await ContractsApi.VerifyReturn(id, returnId,
                new ContractsApi.VerificationRequest(accepted, comment.Length == 0 ? null : comment), context, user);
            return accepted ? "Return accepted." : "Return rejected.";
        });
}
