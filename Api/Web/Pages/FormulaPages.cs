using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Orleans;
using SocialValue.Api.Errors;
using SocialValue.Api.Frameworks;
using SocialValue.Formulas;
using SocialValue.Frameworks;
using SocialValue.Indexes;
using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// The formula editor (Admin): frameworks, themes, outcomes and measures; a measure's formula with Check (diagnostics
/// at line and column, the line marked), Try on sample inputs, Publish, the versions with their differences; proxy values.
/// </summary>
internal static class FormulaPages
{
    public static void MapFormulaPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/frameworks", Frameworks);
        web.MapPost("/frameworks", CopyFramework);
        web.MapGet("/frameworks/{id}", Framework);
        web.MapPost("/frameworks/{id}/proxy-values", SetProxyValue);
        web.MapGet("/frameworks/{id}/measures/{measureId}", (string id, string measureId, HttpContext context, IGrainFactory grains) =>
            EditorAsync(context, grains, id, measureId, null, null, null));
        web.MapPost("/frameworks/{id}/measures/{measureId}/check", Check);
        web.MapPost("/frameworks/{id}/measures/{measureId}/publish", Publish);
        web.MapPost("/frameworks/{id}/measures/{measureId}/try", Try);
    }

    private static async Task<IResult> Frameworks(HttpContext context, IGrainFactory grains)
    {
        var frameworks = await IndexPaging.AllAsync(grains.GetGrain<IFrameworkIndexGrain>(IFrameworkIndexGrain.All).ListAsync);
        return Layout.Page(context, "Frameworks and formulas", H($"""
            <h1>Frameworks and formulas</h1>
            <ul class="cards">{frameworks.Select(f => H($"<li><a href=\"/frameworks/{f.Id}\">{f.Name}</a> <span class=\"muted\">{(f.ReadOnly ? "shipped template, read-only" : f.CopiedFrom is null ? "editable" : $"editable copy of {f.CopiedFrom}")}</span></li>"))}</ul>
            <h2>Copy a framework to edit it</h2>
            {WebForms.Form(context, "/frameworks", H($"""
              <div class="field"><label for="copy-from">Copy of</label><select id="copy-from" name="copyFrom">{frameworks.Select(f => H($"<option value=\"{f.Id}\">{f.Name}</option>"))}</select></div>
              <div class="field"><label for="copy-name">Name</label><input id="copy-name" name="name" required maxlength="200"></div>
              <div class="field"><label for="copy-id">Id (optional)</label><input id="copy-id" name="id"></div>
              <button type="submit">Copy</button>
              """), "stack narrow")}
            """));
    }

    private static async Task<IResult> CopyFramework(HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var form = await WebForms.ReadAsync(context);
        var id = form["id"].ToString();
        var created = await FrameworksApi.CreateFramework(
            new FrameworksApi.CreateFrameworkRequest(id.Length == 0 ? null : id, form["name"].ToString(), form["copyFrom"].ToString()), grains, user, context.Response);
        context.Response.Headers.Remove(HeaderNames.ETag);
        return Results.Redirect($"/frameworks/{created.Value!.Id}");
    }

    private static async Task<IResult> Framework(string id, HttpContext context, IGrainFactory grains, HttpResponse response)
    {
        var framework = (await FrameworksApi.GetFramework(id, grains, response)).Value!;
        response.Headers.Remove("ETag");
        var tree = framework.Themes.Select(t => H($"""
            <li><strong>{(t.Code is null ? "" : t.Code + " ")}{t.Name}</strong><ul>{t.Outcomes.Select(o => H($"""
              <li>{o.Name}<ul>{o.Measures.Select(m => H($"<li><a href=\"/frameworks/{id}/measures/{m.Id}\">{(m.Number is { } n ? $"{n}. " : "")}{m.Title}</a> <span class=\"muted\">{m.Unit} · formula v{m.FormulaVersion}</span></li>"))}</ul></li>
              """))}</ul></li>
            """));
        var proxies = framework.ProxyValueHistory.OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.EffectiveFrom).Select(p => H($"""
            <tr><td>{p.Code}</td><td class="num">{Format.Number(p.Value)}</td><td>{Format.Date(p.EffectiveFrom)}</td><td>{p.Author}</td><td>{(framework.ProxyValues.TryGetValue(p.Code, out var now) && now == p.Value ? "in force" : "")}</td></tr>
            """));
        return Layout.Page(context, framework.Name, H($"""
            <h1>{framework.Name}</h1>
            <p class="muted">{(framework.ReadOnly ? "A shipped template: read-only. Copy it to edit." : framework.CopiedFrom is null ? "Editable." : $"Editable copy of {framework.CopiedFrom}.")}</p>
            <section aria-labelledby="tree-h"><h2 id="tree-h">Themes, outcomes and measures</h2><ul class="tree">{tree}</ul></section>
            <section aria-labelledby="proxy-h"><h2 id="proxy-h">Proxy values (£ per unit)</h2>
              <div class="table-wrap"><table id="proxy-values"><thead><tr><th scope="col">Code</th><th scope="col" class="num">£</th><th scope="col">Effective from</th><th scope="col">By</th><th scope="col"></th></tr></thead><tbody>{proxies}</tbody></table></div>
              {When(!framework.ReadOnly, WebForms.Form(context, $"/frameworks/{id}/proxy-values", H($"""
                <div class="field"><label for="proxy-code">Code</label><input id="proxy-code" name="code" required maxlength="64"></div>
                <div class="field"><label for="proxy-value">£ per unit</label><input id="proxy-value" name="value" type="number" step="any" min="0" required></div>
                <div class="field"><label for="proxy-from">Effective from</label><input id="proxy-from" name="effectiveFrom" type="date" required></div>
                <button type="submit">Set proxy value</button>
                """), "row"))}
            </section>
            """));
    }

    private static Task<IResult> SetProxyValue(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/frameworks/{id}", async form =>
        {
            var code = form["code"].ToString().Trim();
            await FrameworksApi.SetProxyValue(id, code, new FrameworksApi.ProxyValueRequest(
                decimal.TryParse(form["value"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null,
                DateOnly.TryParseExact(form["effectiveFrom"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null),
                grains, user, context);
            return $"Proxy value {code} set.";
        });

    private static async Task<IResult> Check(string id, string measureId, HttpContext context, IGrainFactory grains)
    {
        var source = (await WebForms.ReadAsync(context))["source"].ToString();
        var diagnostics = (await FrameworksApi.CheckFormula(new FrameworksApi.FormulaRequest(source), grains)).Value!.Diagnostics;
        return await EditorAsync(context, grains, id, measureId, source, diagnostics,
            diagnostics.Count == 0 ? ("notice", "No problems found: this formula would publish.") : null);
    }

    private static async Task<IResult> Publish(string id, string measureId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var source = (await WebForms.ReadAsync(context))["source"].ToString();
        try
        {
            var published = (await FrameworksApi.PublishFormula(id, measureId, new FrameworksApi.FormulaRequest(source), grains, user, context)).Value!;
            return await EditorAsync(context, grains, id, measureId, null, null, ("notice", $"Published version {published.Version}."));
        }
        catch (FormulaRejectedException rejected)
        {
            return await EditorAsync(context, grains, id, measureId, source, rejected.Diagnostics, ("error", "Not published: fix the problems below."), StatusCodes.Status422UnprocessableEntity);
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception) is { Status: >= 400 and < 500 and not 403 } problem)
        {
            return await EditorAsync(context, grains, id, measureId, source, null, ("error", WebErrors.Explain(problem)), problem.Status!.Value);
        }
    }

    /// <summary>Tries the draft in the editor, or a published version, on the sample inputs beside it.</summary>
    private static async Task<IResult> Try(string id, string measureId, HttpContext context, IGrainFactory grains)
    {
        var form = await WebForms.ReadAsync(context);
        decimal? Number(string field) => decimal.TryParse(form[field], NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
        var inputs = form["inputs"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2 && decimal.TryParse(pair[1], NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            // A name given twice counts once, as its last line says, as a person editing the box expects.
            .GroupBy(pair => pair[0])
            .ToDictionary(named => named.Key, named => decimal.Parse(named.Last()[1], NumberStyles.Number, CultureInfo.InvariantCulture));
        var version = int.TryParse(form["version"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var source = form["source"].ToString();
        (string, string) outcome;
        try
        {
            var result = version is null
                ? (await FrameworksApi.TryFormula(id, measureId, new FrameworksApi.TryFormulaRequest(
                    source, Number("quantity"), Number("target"), Number("contractValue"), inputs, null, null), grains)).Value!
                : (await FrameworksApi.Evaluate(id, measureId, new FrameworksApi.EvaluateRequest(
                    Number("quantity"), Number("target"), Number("contractValue"), inputs, version, null, null), grains)).Value!;
            var what = result.Version == 0 ? "The draft above" : $"Version {result.Version}";
            outcome = ("notice", $"{what} gives {Format.Number(result.Value)} with the proxy values in force on {Format.Date(result.At)}.");
        }
        catch (FormulaRejectedException rejected)
        {
            return await EditorAsync(context, grains, id, measureId, source, rejected.Diagnostics,
                ("error", "The draft cannot be tried: fix the problems below."), StatusCodes.Status200OK, (("error", "Not tried."), form));
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception) is { Status: >= 400 and < 500 and not 403 } problem)
        {
            outcome = ("error", WebErrors.Explain(problem));
        }
        return await EditorAsync(context, grains, id, measureId, source, null, null, StatusCodes.Status200OK, (outcome, form));
    }

    private static async Task<IResult> EditorAsync(
        HttpContext context, IGrainFactory grains, string id, string measureId, string? source,
        IReadOnlyList<FormulaDiagnostic>? diagnostics, (string Kind, string Text)? message, int status = StatusCodes.Status200OK,
        ((string Kind, string Text) Outcome, IFormCollection Form)? tried = null)
    {
        var measure = (await FrameworksApi.GetMeasure(id, measureId, grains, context.Response)).Value!;
        var versions = await grains.GetGrain<IFrameworkGrain>(id).GetFormulaVersionsAsync(measureId);
        // The API handlers tag the framework's version; this page is not that resource.
        context.Response.Headers.Remove(HeaderNames.ETag);
        source ??= measure.Formula.Source;
        var marked = diagnostics?.Select(d => d.Line).ToHashSet() ?? [];
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var gutter = lines.Select((_, i) => H($"<li{When(marked.Contains(i + 1), H($" class=\"error\" data-line=\"{i + 1}\""))}>{i + 1}</li>"));
        var problems = diagnostics is { Count: > 0 } ? H($"""
            <ul class="diagnostics" id="diagnostics">{diagnostics.Select(d => H($"<li data-line=\"{d.Line}\" data-column=\"{d.Column}\"><a href=\"#source\" data-line=\"{d.Line}\" data-column=\"{d.Column}\">Line {d.Line}, column {d.Column}</a>: {d.Message}</li>"))}</ul>
            """) : Empty;
        string Field(string name, string fallback = "") => tried?.Form[name].ToString() ?? fallback;
        var history = versions.Reverse().Select((v, i) =>
        {
            var previous = versions.FirstOrDefault(p => p.Version == v.Version - 1);
            var diff = previous is null ? Empty : H($"""
                <details><summary>Changes from version {previous.Version}</summary><pre class="diff" id="diff-{v.Version}">{LineDiff.Compare(previous.Source, v.Source).Select(l => H($"<span class=\"{l.Kind.ToString().ToLowerInvariant()}\">{(l.Kind switch { LineDiff.Kind.Added => "+ ", LineDiff.Kind.Removed => "- ", _ => "  " })}{l.Line}</span>\n"))}</pre></details>
                """);
            return H($"""<li id="version-{v.Version}"><strong>Version {v.Version}</strong>{When(v.Version == measure.Formula.Version, H($" (current)"))} by {v.Author} on {Format.Date(v.PublishedAt)}<pre><code>{v.Source}</code></pre>{diff}</li>""");
        });
        var flash = message is { } m ? H($"<p class=\"flash {m.Kind}\" role=\"{(m.Kind == "error" ? "alert" : "status")}\" id=\"editor-message\">{m.Text}</p>") : Empty;
        return Layout.Page(context, $"Formula of {measure.Title}", H($"""
            <p><a href="/frameworks/{id}">← {id}</a></p>
            <h1>{measure.Title}</h1>
            <p class="muted">Unit {measure.Unit} · current formula version {measure.Formula.Version}</p>
            <section aria-labelledby="editor-h"><h2 id="editor-h">Formula</h2>
              <p class="hint" id="source-hint">The body of a C# expression or block returning a decimal. In scope: <code>Quantity</code>, <code>Target</code>, <code>ContractValue</code>, <code>Input("name")</code>, <code>Proxy("code")</code>, <code>Math</code>.</p>
              {flash}{problems}
              {WebForms.Form(context, $"/frameworks/{id}/measures/{measureId}/check", H($"""
                <label for="source">Source</label>
                <div class="editor"><ol class="gutter" aria-hidden="true">{gutter}</ol><textarea id="source" name="source" rows="{Math.Max(6, lines.Length + 1)}" spellcheck="false" autocapitalize="off" aria-describedby="source-hint{(diagnostics is { Count: > 0 } ? " diagnostics" : "")}"{When(diagnostics is { Count: > 0 }, H($" aria-invalid=\"true\""))}>{source}</textarea></div>
                <fieldset class="row"><legend>Sample inputs for Try</legend>
                  <div class="field"><label for="try-quantity">Quantity</label><input id="try-quantity" name="quantity" type="number" step="any" value="{Field("quantity", "1")}"></div>
                  <div class="field"><label for="try-target">Target</label><input id="try-target" name="target" type="number" step="any" value="{Field("target")}"></div>
                  <div class="field"><label for="try-contract">Contract value (£)</label><input id="try-contract" name="contractValue" type="number" step="any" value="{Field("contractValue")}"></div>
                  <div class="field"><label for="try-version">What to try</label><select id="try-version" name="version"><option value="">the draft above</option>{versions.Reverse().Select(v => H($"<option value=\"{v.Version}\"{When(Field("version") == v.Version.ToString(CultureInfo.InvariantCulture), H($" selected"))}>published version {v.Version}</option>"))}</select></div>
                  <div class="field wide"><label for="try-inputs">Inputs, one <code>name = number</code> a line</label><textarea id="try-inputs" name="inputs" rows="3">{Field("inputs")}</textarea></div>
                </fieldset>
                {(tried is { } t ? H($"<p class=\"flash {t.Outcome.Kind}\" role=\"status\" id=\"try-result\">{t.Outcome.Text}</p>") : Empty)}
                <div class="buttons"><button type="submit" id="check">Check</button>
                <button type="submit" id="try" formaction="/frameworks/{id}/measures/{measureId}/try">Try</button>
                <button type="submit" id="publish" formaction="/frameworks/{id}/measures/{measureId}/publish">Publish</button></div>
                """), "stack")}
            </section>
            <section aria-labelledby="versions-h"><h2 id="versions-h">Versions</h2><ol class="versions" reversed>{history}</ol></section>
            """), status);
    }
}
