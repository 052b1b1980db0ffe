using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Errors;
using SocialValue.Api.Frameworks;
using SocialValue.Api.Web.Components.Pages.Frameworks;
using SocialValue.Errors;
using SocialValue.Formulas;
using SocialValue.Frameworks;
using SocialValue.Indexes;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// The formula editor (Admin): frameworks, themes, outcomes and measures; a measure's formula with Check (diagnostics
/// at line and column, the line marked), Try on sample inputs, Publish, the versions with their differences; proxy values.
/// </summary>
internal static class FormulaPages
{
    private static readonly string[] SampleFields = ["quantity", "target", "contractValue", "version", "inputs"];

    public static void MapFormulaPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/frameworks", Frameworks);
        web.MapPost("/frameworks", CopyFramework);
        web.MapGet("/frameworks/{id}", FrameworkAsync);
        web.MapPost("/frameworks/{id}/proxy-values", SetProxyValue);
        web.MapPost("/frameworks/{id}/themes", AddTheme);
        web.MapPost("/frameworks/{id}/outcomes", AddOutcome);
        web.MapPost("/frameworks/{id}/measures", AddMeasure);
        web.MapGet("/frameworks/{id}/measures/{measureId}", (string id, string measureId, HttpContext context, IGrainFactory grains) =>
            EditorAsync(context, grains, id, measureId, new Editor()));
        web.MapPost("/frameworks/{id}/measures/{measureId}/check", Check);
        web.MapPost("/frameworks/{id}/measures/{measureId}/publish", Publish);
        web.MapPost("/frameworks/{id}/measures/{measureId}/try", Try);
    }

    private static async Task<IResult> Frameworks(HttpContext context, IGrainFactory grains) =>
        WebPage.Render<FrameworksPage>(context, new
        {
            Frameworks = await IndexPaging.AllAsync(grains.GetGrain<IFrameworkIndexGrain>(IFrameworkIndexGrain.All).ListAsync),
        });

    private static async Task<IResult> CopyFramework(HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var form = await WebForms.ReadAsync(context);
        var id = form["id"].ToString();
        var created = await FrameworksApi.CreateFrameworkAsync(
            new FrameworksApi.CreateFrameworkRequest(id.Length == 0 ? null : id, form["name"].ToString(), Optional(form["copyFrom"])), grains, user);
        return Results.Redirect($"/frameworks/{created.Id}");
    }

    private static async Task<IResult> FrameworkAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var framework = await FrameworksApi.ReadFrameworkAsync(id, grains);
        return WebPage.Render<FrameworkPage>(context, new
        {
            Framework = framework,
            CopiedFromName = framework.CopiedFrom is { } copied ? await PageNames.FrameworkAsync(grains, copied) : null,
        });
    }

    private static Task<IResult> SetProxyValue(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/frameworks/{id}#proxy", async form =>
        {
            var code = form["code"].ToString().Trim();
            var request = new FrameworksApi.ProxyValueRequest(
                decimal.TryParse(form["value"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null,
                DateOnly.TryParseExact(form["effectiveFrom"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null);
            await FrameworksApi.SetProxyValueAsync(id, code, request, grains, user, WebForms.IfMatch(form));
            return $"Proxy value {code} set.";
        });

    private static Task<IResult> AddTheme(string id, HttpContext context, IGrainFactory grains) =>
        WebForms.ActAsync(context, $"/frameworks/{id}#add", async form =>
        {
            var theme = await FrameworksApi.AddThemeAsync(
                id, new FrameworksApi.AddThemeRequest(Optional(form["id"]), form["name"], Optional(form["code"])), grains, WebForms.IfMatch(form));
            return $"Theme {theme.Value.Name} added.";
        });

    private static Task<IResult> AddOutcome(string id, HttpContext context, IGrainFactory grains) =>
        WebForms.ActAsync(context, $"/frameworks/{id}#add", async form =>
        {
            var outcome = await FrameworksApi.AddOutcomeAsync(
                id, form["themeId"].ToString(), new FrameworksApi.AddOutcomeRequest(Optional(form["id"]), form["name"]), grains, WebForms.IfMatch(form));
            return $"Outcome {outcome.Value.Name} added.";
        });

    /// <summary>A measure under an outcome chosen as <c>theme/outcome</c>, with its unit and first formula.</summary>
    private static Task<IResult> AddMeasure(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/frameworks/{id}#add", async form =>
        {
            var place = form["outcome"].ToString().Split('/', 2);
            var measure = await FrameworksApi.AddMeasureAsync(id, new FrameworksApi.AddMeasureRequest(
                Optional(form["id"]), place[0], place.Length == 2 ? place[1] : null, form["title"], form["unit"], form["formula"],
                Options: null, Direction: null, Figure: null), grains, user, WebForms.IfMatch(form));
            return $"Measure {measure.Value.Title} added with its formula as version 1.";
        });

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString().Trim() is { Length: > 0 } text ? text : null;

    private static async Task<IResult> Check(string id, string measureId, HttpContext context, IGrainFactory grains)
    {
        var form = await WebForms.ReadAsync(context);
        var source = form["source"].ToString();
        var (diagnostics, inputs) = await FrameworksApi.CheckFormulaAsync(new FrameworksApi.FormulaRequest(source), grains);
        var reads = inputs.Count == 0 ? "" : $"; returns will be asked for the inputs it reads: {string.Join(", ", inputs)}";
        return await EditorAsync(context, grains, id, measureId, new Editor(source, diagnostics, form,
            Message: diagnostics.Count == 0 ? ("notice", $"No problems found: this formula would publish{reads}.") : null));
    }

    private static async Task<IResult> Publish(string id, string measureId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var form = await WebForms.ReadAsync(context);
        var source = form["source"].ToString();
        try
        {
            var published = await FrameworksApi.PublishFormulaAsync(id, measureId, new FrameworksApi.FormulaRequest(source), grains, user, WebForms.IfMatch(form));
            return await EditorAsync(context, grains, id, measureId, new Editor(Message: ("notice", $"Published version {published.Value.Version}.")));
        }
        catch (FormulaRejectedException rejected)
        {
            return await EditorAsync(context, grains, id, measureId, new Editor(source, rejected.Diagnostics, form,
                Message: ("error", "Not published: fix the problems below.")), StatusCodes.Status422UnprocessableEntity);
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception) is { Status: >= 400 and < 500 and not 403 } problem)
        {
            return await EditorAsync(context, grains, id, measureId, new Editor(source, null, form,
                Message: ("error", WebErrors.Explain(problem))), problem.Status!.Value);
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
                ? await FrameworksApi.TryFormulaAsync(id, measureId, new FrameworksApi.TryFormulaRequest(
                    source, Number("quantity"), Number("target"), Number("contractValue"), inputs, null, null), grains)
                : await FrameworksApi.EvaluateAsync(id, measureId, new FrameworksApi.EvaluateRequest(
                    Number("quantity"), Number("target"), Number("contractValue"), inputs, version, null, null), grains);
            var what = result.Version == 0 ? "The draft above" : $"Version {result.Version}";
            outcome = ("notice", $"{what} gives {Format.Number(result.Value)} with the proxy values in force on {Format.Date(result.At)}.");
        }
        catch (FormulaRejectedException rejected)
        {
            return await EditorAsync(context, grains, id, measureId, new Editor(source, rejected.Diagnostics, form,
                Message: ("error", "The draft cannot be tried: fix the problems below."), Tried: ("error", "Not tried.")));
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception) is { Status: >= 400 and < 500 and not 403 } problem)
        {
            outcome = ("error", WebErrors.Explain(problem));
        }
        return await EditorAsync(context, grains, id, measureId, new Editor(source, null, form, Tried: outcome));
    }

    /// <summary>What the editor shows besides the measure: the draft, its diagnostics, the form as posted, and what was said.</summary>
    private sealed record Editor(
        string? Source = null, IReadOnlyList<FormulaDiagnostic>? Diagnostics = null, IFormCollection? Form = null,
        (string Kind, string Text)? Message = null, (string Kind, string Text)? Tried = null);

    private static async Task<IResult> EditorAsync(
        HttpContext context, IGrainFactory grains, string id, string measureId, Editor editor, int status = StatusCodes.Status200OK)
    {
        var framework = await FrameworksApi.ReadFrameworkAsync(id, grains);
        var measure = await FrameworksApi.ReadMeasureAsync(id, measureId, grains);
        var posted = editor.Form?[WebForms.IfMatchField].ToString();
        return WebPage.Render<FormulaEditorPage>(context, new
        {
            FrameworkId = id,
            FrameworkName = framework.Name,
            Measure = measure,
            Versions = await grains.GetGrain<IFrameworkGrain>(id).GetFormulaVersionsAsync(measureId),
            Source = editor.Source ?? measure.Formula.Source,
            editor.Diagnostics,
            editor.Message,
            editor.Tried,
            Fields = editor.Tried is null || editor.Form is null
                ? new Dictionary<string, string>()
                : SampleFields.ToDictionary(f => f, f => editor.Form[f].ToString()),
            // Check and Try keep the version the editor was opened at, so Publish after them still guards against a change meanwhile.
            IfMatch = string.IsNullOrEmpty(posted) ? framework.ETag : posted,
        }, status);
    }
}
