using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Errors;
using SocialValue.Formulas;
using SocialValue.Frameworks;
using SocialValue.Ids;
using SocialValue.Indexes;
using SocialValue.Versions;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.Frameworks;

public static class FrameworksApi
{
    public static IEndpointRouteBuilder MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/frameworks").WithTags("Frameworks").RequireAuthorization();
        api.MapGet("/", ListFrameworks);
        api.MapGet("/{id}", GetFramework);
        api.MapPost("/", CreateFramework).RequireAuthorization(Policies.Admin);
        api.MapPost("/{id}/themes", AddTheme).RequireAuthorization(Policies.Admin);
        api.MapPost("/{id}/themes/{themeId}/outcomes", AddOutcome).RequireAuthorization(Policies.Admin);
        api.MapPost("/{id}/measures", AddMeasure).RequireAuthorization(Policies.Admin);
        api.MapGet("/{id}/measures/{measureId}", GetMeasure);
        api.MapPost("/{id}/measures/{measureId}/formula", PublishFormula).RequireAuthorization(Policies.Admin);
        api.MapGet("/{id}/measures/{measureId}/formula/versions", ListFormulaVersions);
        api.MapPost("/{id}/measures/{measureId}/formula/try", TryFormula).RequireAuthorization(Policies.Admin);
        api.MapPost("/{id}/measures/{measureId}/evaluate", Evaluate);
        api.MapPut("/{id}/proxy-values/{code}", SetProxyValue).RequireAuthorization(Policies.Admin);
        api.MapPut("/{id}/measures/{measureId}/adjustments", SetAdjustments).WithName("SetMeasureAdjustments").RequireAuthorization(Policies.Admin);

        app.MapPost("/api/formulas/check", CheckFormula).WithTags("Frameworks").RequireAuthorization();
        return app;
    }

    /// <summary>The shipped templates first, then the others by name, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<FrameworkSummary>>> ListFrameworks([AsParameters] PageQuery page, IGrainFactory grains, HttpContext context)
    {
        var (after, limit) = page.Read();
        return TypedResults.Ok(context.Respond(await grains.GetGrain<IFrameworkIndexGrain>(IFrameworkIndexGrain.All).ListAsync(after, limit)));
    }

    /// <summary>A framework: themes, outcomes and measures, and its proxy values.</summary>
    public static async Task<Ok<FrameworkResponse>> GetFramework(string id, IGrainFactory grains, HttpResponse response)
    {
        var framework = await Framework(grains, id).GetAsync();
        response.SetETag(framework.ETag);
        return TypedResults.Ok(framework.AsResponse());
    }

    /// <summary>An empty framework, or a copy of <c>copyFrom</c> (a shipped template or any other) to edit.</summary>
    public static async Task<Created<FrameworkResponse>> CreateFramework(
        CreateFrameworkRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var created = await CreateFrameworkAsync(request, grains, user);
        response.SetETag(created.ETag);
        return TypedResults.Created($"/api/frameworks/{created.Id}", created.AsResponse());
    }

    /// <summary>A framework created from the request, for the API and the pages alike.</summary>
    internal static Task<FrameworkDetails> CreateFrameworkAsync(CreateFrameworkRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        new RequestValidation()
            .Required("name", request.Name)
            .MaxLength("name", request.Name, 200)
            .OptionalSlug("id", request.Id)
            .OptionalSlug("copyFrom", request.CopyFrom)
            .ThrowIfInvalid();
        var id = request.Id ?? Slug.From(request.Name!);
        return grains.GetGrain<IFrameworkGrain>(id).CreateAsync(new NewFramework(request.Name!.Trim(), request.CopyFrom, user.Actor()));
    }

    /// <summary>Adds a theme; its <c>Location</c> is the framework, which lists it. Honours <c>If-Match</c> on the framework.</summary>
    public static async Task<Created<ThemeDetails>> AddTheme(string id, AddThemeRequest request, IGrainFactory grains, HttpContext context)
    {
        var theme = context.Response.Tagged(await AddThemeAsync(id, request, grains, context.Request.IfMatch()));
        return TypedResults.Created($"/api/frameworks/{id}", theme);
    }

    /// <summary>A theme added, for the API and the pages alike.</summary>
    internal static Task<Versioned<ThemeDetails>> AddThemeAsync(string id, AddThemeRequest request, IGrainFactory grains, VersionCondition? ifMatch)
    {
        new RequestValidation().Required("name", request.Name).MaxLength("name", request.Name, 300).ThrowIfInvalid();
        return Framework(grains, id).AddThemeAsync(request.Id, request.Name!.Trim(), request.Code, ifMatch);
    }

    /// <summary>Adds an outcome to a theme; its <c>Location</c> is the framework, which lists it. Honours <c>If-Match</c> on the framework.</summary>
    public static async Task<Created<OutcomeDetails>> AddOutcome(string id, string themeId, AddOutcomeRequest request, IGrainFactory grains, HttpContext context)
    {
        var outcome = context.Response.Tagged(await AddOutcomeAsync(id, themeId, request, grains, context.Request.IfMatch()));
        return TypedResults.Created($"/api/frameworks/{id}", outcome);
    }

    /// <summary>An outcome added to a theme, for the API and the pages alike.</summary>
    internal static Task<Versioned<OutcomeDetails>> AddOutcomeAsync(
        string id, string themeId, AddOutcomeRequest request, IGrainFactory grains, VersionCondition? ifMatch)
    {
        new RequestValidation().Required("name", request.Name).MaxLength("name", request.Name, 500).ThrowIfInvalid();
        return Framework(grains, id).AddOutcomeAsync(themeId, request.Id, request.Name!.Trim(), ifMatch);
    }

    /// <summary>Adds a measure; its formula is checked, compiled and published as version 1.</summary>
    public static async Task<Created<MeasureDetails>> AddMeasure(string id, AddMeasureRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var measure = context.Response.Tagged(await AddMeasureAsync(id, request, grains, user, context.Request.IfMatch()));
        return TypedResults.Created($"/api/frameworks/{id}/measures/{measure.Id}", measure);
    }

    /// <summary>A measure added with its first formula version, for the API and the pages alike.</summary>
    internal static Task<Versioned<MeasureDetails>> AddMeasureAsync(
        string id, AddMeasureRequest request, IGrainFactory grains, ClaimsPrincipal user, VersionCondition? ifMatch)
    {
        new RequestValidation()
            .Required("themeId", request.ThemeId)
            .Required("outcomeId", request.OutcomeId)
            .Required("title", request.Title)
            .MaxLength("title", request.Title, 500)
            .Required("unit", request.Unit)
            .MaxLength("unit", request.Unit, 50)
            .Required("formula", request.Formula)
            .ThrowIfInvalid();
        return Framework(grains, id).AddMeasureAsync(new NewMeasure(
            request.Id, request.ThemeId!, request.OutcomeId!, request.Title!.Trim(), request.Unit!.Trim(), request.Formula!, request.Options, user.Actor(),
            request.Direction ?? MeasureDirection.Increase, request.Figure), ifMatch);
    }

    /// <summary>Sets a measure's default SROI adjustments (each rate with its source), which contracts may override; honours <c>If-Match</c>.</summary>
    public static async Task<Ok<MeasureDetails>> SetAdjustments(string id, string measureId, AdjustmentsRequest request, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(context.Response.Tagged(await Framework(grains, id).SetAdjustmentsAsync(measureId, request.ToAdjustments(), context.Request.IfMatch())));

    /// <summary>A measure with its current formula; tagged with the framework's version, which its writes compare <c>If-Match</c> with.</summary>
    public static async Task<Ok<MeasureDetails>> GetMeasure(string id, string measureId, IGrainFactory grains, HttpResponse response)
    {
        var framework = Framework(grains, id);
        var measure = await framework.GetMeasureAsync(measureId);
        response.SetETag((await framework.GetAsync()).ETag);
        return TypedResults.Ok(measure);
    }

    /// <summary>Publishes a new formula version: 201 <c>{version}</c>, or 422 with <c>diagnostics</c>.</summary>
    public static async Task<Created<FormulaVersionDetails>> PublishFormula(
        string id, string measureId, FormulaRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var version = context.Response.Tagged(await PublishFormulaAsync(id, measureId, request, grains, user, context.Request.IfMatch()));
        return TypedResults.Created($"/api/frameworks/{id}/measures/{measureId}/formula/versions", version);
    }

    /// <summary>A formula version published, for the API and the pages alike.</summary>
    internal static Task<Versioned<FormulaVersionDetails>> PublishFormulaAsync(
        string id, string measureId, FormulaRequest request, IGrainFactory grains, ClaimsPrincipal user, VersionCondition? ifMatch)
    {
        new RequestValidation().Required("source", request.Source).ThrowIfInvalid();
        return Framework(grains, id).PublishFormulaAsync(measureId, request.Source!, user.Actor(), ifMatch);
    }

    /// <summary>Every version of a measure's formula, oldest first, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<FormulaVersionDetails>>> ListFormulaVersions(
        string id, string measureId, [AsParameters] PageQuery page, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(context.Respond(page, await Framework(grains, id).GetFormulaVersionsAsync(measureId), FormulaVersionPosition));

    /// <summary>A formula version's place in its list: versions count up from 1.</summary>
    public static IndexPosition FormulaVersionPosition(FormulaVersionDetails version) =>
        new(PageCursor.Place(version.Version), version.Version.ToString(CultureInfo.InvariantCulture));

    /// <summary>Evaluates the current formula version, or the one named, with the proxy values in force at <c>at</c> (default today).</summary>
    public static async Task<Ok<EvaluationResult>> Evaluate(string id, string measureId, EvaluateRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await EvaluateAsync(id, measureId, request, grains));

    /// <summary>A published version evaluated, for the API and the pages alike.</summary>
    internal static Task<EvaluationResult> EvaluateAsync(string id, string measureId, EvaluateRequest request, IGrainFactory grains) =>
        Framework(grains, id).EvaluateAsync(measureId, request.AsEvaluation());

    /// <summary>Evaluates a draft formula on sample inputs without publishing it: <c>{value, version: 0}</c>, or 422 with diagnostics.</summary>
    public static async Task<Ok<EvaluationResult>> TryFormula(string id, string measureId, TryFormulaRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await TryFormulaAsync(id, measureId, request, grains));

    /// <summary>A draft tried, for the API and the pages alike.</summary>
    internal static Task<EvaluationResult> TryFormulaAsync(string id, string measureId, TryFormulaRequest request, IGrainFactory grains)
    {
        new RequestValidation().Required("source", request.Source).ThrowIfInvalid();
        var sample = new EvaluateRequest(request.Quantity, request.Target, request.ContractValue, request.Inputs, null, request.At, request.Lists);
        return Framework(grains, id).TryFormulaAsync(measureId, request.Source!, sample.AsEvaluation());
    }

    private static EvaluationRequest AsEvaluation(this EvaluateRequest request)
    {
        var validation = new RequestValidation()
            .Required("quantity", request.Quantity)
            .Holdable("quantity", request.Quantity)
            .Holdable("target", request.Target)
            .Holdable("contractValue", request.ContractValue)
            .Holdable("inputs", request.Inputs);
        foreach (var (name, list) in request.Lists ?? [])
        {
            foreach (var (value, i) in list.Select((v, i) => (v, i)))
            {
                validation.Holdable($"lists.{name}[{i}]", value);
            }
        }
        validation.ThrowIfInvalid();
        return new EvaluationRequest(
            request.Quantity!.Value,
            request.Target ?? 0,
            request.ContractValue ?? 0,
            request.Inputs ?? new Dictionary<string, decimal>(),
            request.Version,
            request.At,
            request.Lists);
    }

    /// <summary>Sets a proxy value (£ per unit) from a date (Admin); earlier values stay for earlier periods.</summary>
    public static async Task<Ok<IReadOnlyList<ProxyValueEntry>>> SetProxyValue(
        string id, string code, ProxyValueRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context) =>
        TypedResults.Ok(context.Response.Tagged(await SetProxyValueAsync(id, code, request, grains, user, context.Request.IfMatch())));

    /// <summary>A proxy value set, for the API and the pages alike.</summary>
    internal static Task<Versioned<IReadOnlyList<ProxyValueEntry>>> SetProxyValueAsync(
        string id, string code, ProxyValueRequest request, IGrainFactory grains, ClaimsPrincipal user, VersionCondition? ifMatch)
    {
        var validation = new RequestValidation()
            .Required("value", request.Value)
            .Holdable("value", request.Value)
            .Required("effectiveFrom", request.EffectiveFrom)
            .MaxLength("code", code, 64);
        if (request.Value < 0)
        {
            validation.Add("value", "A proxy value is £ per unit and cannot be negative.");
        }
        validation.ThrowIfInvalid();
        return Framework(grains, id).SetProxyValueAsync(code, request.Value!.Value, request.EffectiveFrom!.Value, user.Actor(), ifMatch);
    }

    /// <summary>A dry run: the diagnostics a formula would get and the inputs it reads, without publishing anything.</summary>
    public static async Task<Ok<CheckResponse>> CheckFormula(FormulaRequest request, IGrainFactory grains)
    {
        var check = await CheckFormulaAsync(request, grains);
        return TypedResults.Ok(new CheckResponse(check.Diagnostics.Count == 0, check.Diagnostics, check.Inputs));
    }

    /// <summary>A formula's diagnostics, for the API and the pages alike.</summary>
    internal static Task<FormulaCheck> CheckFormulaAsync(FormulaRequest request, IGrainFactory grains)
    {
        new RequestValidation().Required("source", request.Source).ThrowIfInvalid();
        return grains.GetGrain<IFormulaCheckGrain>(IFormulaCheckGrain.Default).CheckAsync(request.Source!);
    }

    /// <summary>A framework, for the pages.</summary>
    internal static Task<FrameworkDetails> ReadFrameworkAsync(string id, IGrainFactory grains) => Framework(grains, id).GetAsync();

    /// <summary>A measure of a framework, for the pages.</summary>
    internal static Task<MeasureDetails> ReadMeasureAsync(string id, string measureId, IGrainFactory grains) =>
        Framework(grains, id).GetMeasureAsync(measureId);

    private static IFrameworkGrain Framework(IGrainFactory grains, string id) =>
        Slug.IsValid(id) ? grains.GetGrain<IFrameworkGrain>(id) : throw new NotFoundException($"There is no framework '{id}'.");

    private static FrameworkResponse AsResponse(this FrameworkDetails f) =>
        new(f.Id, f.Name, f.ReadOnly, f.CopiedFrom, [.. f.Themes.Select(AsResponse)], f.ProxyValues, f.ProxyValueHistory);

    private static ThemeResponse AsResponse(ThemeDetails t) =>
        new(t.Id, t.Code, t.Name, [.. t.Outcomes.Select(o => new OutcomeResponse(o.Id, o.Name, o.MarmotPriority,
            [.. o.Measures.Select(m => new MeasureSummaryResponse(m.Id, m.Number, m.Title, m.Unit, m.Options, m.Formula.Version, m.Direction, m.Figure, m.Note))],
            o.Note))], t.Note);

    public sealed record CreateFrameworkRequest(string? Id, [Required] string? Name, string? CopyFrom);

    public sealed record AddThemeRequest(string? Id, [Required] string? Name, string? Code);

    public sealed record AddOutcomeRequest(string? Id, [Required] string? Name);

    public sealed record AddMeasureRequest(
        string? Id,
        [Required] string? ThemeId,
        [Required] string? OutcomeId,
        [Required] string? Title,
        [Required] string? Unit,
        [Required] string? Formula,
        string? Options,
        MeasureDirection? Direction,
        string? Figure);

    public sealed record FormulaRequest([Required] string? Source);

    public sealed record EvaluateRequest(
        [Required] decimal? Quantity,
        decimal? Target,
        decimal? ContractValue,
        Dictionary<string, decimal>? Inputs,
        int? Version,
        DateOnly? At,
        Dictionary<string, IReadOnlyList<decimal>>? Lists);

    public sealed record TryFormulaRequest(
        [Required] string? Source,
        [Required] decimal? Quantity,
        decimal? Target,
        decimal? ContractValue,
        Dictionary<string, decimal>? Inputs,
        DateOnly? At,
        Dictionary<string, IReadOnlyList<decimal>>? Lists);

    public sealed record ProxyValueRequest([Required] decimal? Value, [Required] DateOnly? EffectiveFrom);

    /// <summary>A dry run's answer: <c>inputs</c> are the names the formula reads with <c>Input("name")</c>, none when it is not ok.</summary>
    public sealed record CheckResponse(bool Ok, IReadOnlyList<FormulaDiagnostic> Diagnostics, IReadOnlyList<string> Inputs);

    public sealed record FrameworkResponse(
        string Id,
        string Name,
        bool ReadOnly,
        string? CopiedFrom,
        IReadOnlyList<ThemeResponse> Themes,
        IReadOnlyDictionary<string, decimal> ProxyValues,
        IReadOnlyList<ProxyValueEntry> ProxyValueHistory);

    /// <summary>A theme; <c>note</c> is the reading note kept with the seed's data, to show with it.</summary>
    public sealed record ThemeResponse(string Id, string? Code, string Name, IReadOnlyList<OutcomeResponse> Outcomes, string? Note);

    public sealed record OutcomeResponse(string Id, string Name, string? MarmotPriority, IReadOnlyList<MeasureSummaryResponse> Measures, string? Note);

    public sealed record MeasureSummaryResponse(
        string Id, int? Number, string Title, string Unit, string? Options, int FormulaVersion, MeasureDirection Direction, string Figure, string? Note);
}
