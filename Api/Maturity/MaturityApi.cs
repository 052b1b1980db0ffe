using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Frameworks;
using SocialValue.Api.Http;
using SocialValue.Api.OpenApi;
using SocialValue.Api.Web.Components.Pages.Organisations;
using SocialValue.Api.Workflows;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Ids;
using SocialValue.Maturity;
using SocialValue.Versions;
using SocialValue.Workflow;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.Maturity;

public static class MaturityApi
{
    private const string Organisation = "/api/organisations/{id}/maturity";

    public static IEndpointRouteBuilder MapMaturityApi(this IEndpointRouteBuilder app)
    {
        var model = app.MapGroup("/api/maturity").WithTags("Maturity").RequireAuthorization();
        model.MapGet("/model", GetModel);
        model.MapGet("/overall-formula", GetOverallFormula);
        model.MapGet("/overall-formula/versions", ListOverallFormulaVersions);
        model.MapPut("/overall-formula", PublishOverallFormula).RequireAuthorization(Policies.Admin);

        var api = app.MapGroup(Organisation).WithTags("Maturity").RequireAuthorization();
        api.MapGet("/", GetMaturity);
        api.MapPut("/", Assess);
        api.MapPatch("/actions/{actionId}", UpdateAction);
        api.MapGet("/dimensions/{code}", GetDimension);
        api.MapGet("/action-plan", GetActionPlan).Produces<string>(StatusCodes.Status200OK, "text/html", "text/csv");
        app.MapWorkflow<MaturityLevel, DimensionTrigger, DimensionTransitionRequest, DimensionResponse>(
            $"{Organisation}/dimensions/{{code}}", "maturity dimension", "Maturity", new WorkflowBinding(
            context => Grain(context, write: false).GetTransitionsAsync(Code(context)),
            context => Grain(context, write: false).GetDiagramAsync(),
            FireDimension));
        return app;
    }

    /// <summary>Fires <c>Advance</c> or <c>Reassess</c> on the dimension of the route (an Officer of the organisation, or Admin).</summary>
    internal static async Task<IResult> FireDimension(HttpContext context, TransitionRequest request)
    {
        var code = Code(context);
        var maturity = await Grain(context, write: true).FireAsync(code, request, context.Request.IfMatch());
        context.Response.SetETag(maturity.ETag);
        return TypedResults.Ok(maturity.Dimension(code));
    }

    /// <summary>A dimension's trigger fired by an Officer of the organisation (or Admin), for the API and the pages alike.</summary>
    internal static Task<MaturityDetails> FireDimensionAsync(
        IGrainFactory grains, ClaimsPrincipal user, string id, string code, TransitionRequest request, VersionCondition? ifMatch) =>
        Grain(grains, user, id, write: true).FireAsync(code.ToUpperInvariant(), request, ifMatch);

    /// <summary>The organisation's maturity, once the user may read it.</summary>
    internal static Task<MaturityDetails> ReadAsync(IGrainFactory grains, ClaimsPrincipal user, string id) =>
        Grain(grains, user, id, write: false).GetAsync();

    /// <summary>Seed 001 as data: the levels in order, the ten dimensions with their catalogue actions, the overall formula.</summary>
    public static async Task<Ok<ModelResponse>> GetModel(IGrainFactory grains) =>
        TypedResults.Ok((await Model(grains).GetAsync()).AsResponse());

    /// <summary>The formula in force that turns the dimension levels into an overall level; the ETag is its version number.</summary>
    public static async Task<Ok<FormulaVersionDetails>> GetOverallFormula(IGrainFactory grains, HttpResponse response)
    {
        var formula = (await Model(grains).GetAsync()).OverallFormula;
        response.SetETag(formula.ETag());
        return TypedResults.Ok(formula);
    }

    /// <summary>Every version of the overall-level formula, oldest first, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<FormulaVersionDetails>>> ListOverallFormulaVersions(
        [AsParameters] PageQuery page, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(context.Respond(page, await Model(grains).GetOverallFormulaVersionsAsync(), FrameworksApi.FormulaVersionPosition));

    /// <summary>
    /// Replaces the formula that turns the ten dimension levels (0–4, list <c>"levels"</c>, inputs <c>"A"</c>–<c>"J"</c>)
    /// into an overall level (Admin); 422 with diagnostics when it does not compile or gives no level. Honours <c>If-Match</c>.
    /// </summary>
    public static async Task<Ok<FormulaVersionDetails>> PublishOverallFormula(
        OverallFormulaRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        new RequestValidation().Required("source", request.Source).ThrowIfInvalid();
        var version = await Model(grains).PublishOverallFormulaAsync(request.Source!, user.Actor(), context.Request.IfMatch());
        context.Response.SetETag(version.ETag());
        return TypedResults.Ok(version);
    }

    /// <summary>An organisation's maturity: overall and per dimension, present and target, with the action plan.</summary>
    public static async Task<Ok<MaturityResponse>> GetMaturity(string id, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var maturity = await Grain(grains, user, id, write: false).GetAsync();
        response.SetETag(maturity.ETag);
        return TypedResults.Ok(maturity.AsResponse());
    }

    /// <summary>Records the present level and target of all ten dimensions and regenerates the plan; honours <c>If-Match</c>.</summary>
    public static async Task<Ok<MaturityResponse>> Assess(string id, AssessmentRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var grain = Grain(grains, user, id, write: true);
        var assessment = request.Validate();
        var maturity = await grain.AssessAsync(assessment, user.Actor(), context.Request.IfMatch());
        context.Response.SetETag(maturity.ETag);
        return TypedResults.Ok(maturity.AsResponse());
    }

    /// <summary>Changes an action's status, owner, due date, notes or evidence links; an empty owner or notes clears it.</summary>
    public static async Task<Ok<ActionResponse>> UpdateAction(
        string id, string actionId, ActionRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var maturity = await UpdateActionAsync(grains, user, id, actionId, request, context.Request.IfMatch());
        context.Response.SetETag(maturity.ETag);
        return TypedResults.Ok(maturity.Dimensions.SelectMany(d => d.Actions).Single(a => a.Id == actionId).AsResponse());
    }

    /// <summary>An action changed by an Officer of the organisation (or Admin), for the API and the pages alike.</summary>
    internal static Task<MaturityDetails> UpdateActionAsync(
        IGrainFactory grains, ClaimsPrincipal user, string id, string actionId, ActionRequest request, VersionCondition? ifMatch)
    {
        var grain = Grain(grains, user, id, write: true);
        return grain.UpdateActionAsync(actionId, request.Validate(), ifMatch);
    }

    /// <summary>One dimension with its level (<c>state</c>), target, plan and <c>history</c>.</summary>
    public static async Task<Ok<DimensionResponse>> GetDimension(string id, string code, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var maturity = await Grain(grains, user, id, write: false).GetAsync();
        response.SetETag(maturity.ETag);
        return TypedResults.Ok(maturity.Dimension(code.ToUpperInvariant()));
    }

    /// <summary>The seed's Action Plan page as printable A4 HTML, or as CSV with <c>?format=csv</c>.</summary>
    public static async Task<Results<RazorComponentResult<ActionPlanPage>, ContentHttpResult>> GetActionPlan(
        string id, string? format, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var response = context.Response;
        var maturity = await Grain(grains, user, id, write: false).GetAsync();
        var model = await Model(grains).GetAsync();
        response.SetETag(maturity.ETag);
        switch (format?.ToLowerInvariant())
        {
            case null or "html":
                return ActionPlanDocument.Page(context, maturity, model);
            case "csv":
                response.Headers.ContentDisposition = $"attachment; filename=\"{id}-action-plan.csv\"";
                return TypedResults.Text(ActionPlanDocument.Csv(maturity), "text/csv; charset=utf-8");
            default:
                throw new ValidationException("format", $"'{format}' is not a format of the action plan; use html (the default) or csv.");
        }
    }

    private static IMaturityModelGrain Model(IGrainFactory grains) => grains.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default);

    /// <summary>The levels of an assessment as the API and the pages accept them: a level by name or by the seed's label.</summary>
    internal static IReadOnlyList<DimensionAssessment> Validate(this AssessmentRequest request)
    {
        var validation = new RequestValidation();
        var dimensions = request.Dimensions ?? [];
        if (dimensions.Count == 0)
        {
            validation.Add("dimensions", "'dimensions' is required: [{code, present, target}] for each of A to J.");
        }
        var assessment = dimensions.Select((d, i) => new DimensionAssessment(
            d.Code?.Trim().ToUpperInvariant() ?? "",
            MaturityFields.Level(validation, $"dimensions[{i}].present", d.Present),
            MaturityFields.Level(validation, $"dimensions[{i}].target", d.Target))).ToList();
        validation.ThrowIfInvalid();
        return assessment;
    }

    /// <summary>The maturity of organisation <paramref name="id"/>, once the user may read it (or change it, when <paramref name="write"/>).</summary>
    internal static IMaturityGrain Grain(IGrainFactory grains, ClaimsPrincipal user, string id, bool write)
    {
        if (!Slug.IsValid(id))
        {
            throw new NotFoundException($"There is no organisation '{id}'.");
        }
        if (write)
        {
            user.EnsureCanWrite(id);
        }
        else
        {
            user.EnsureCanRead(id);
        }
        return grains.GetGrain<IMaturityGrain>(id);
    }

    private static IMaturityGrain Grain(HttpContext context, bool write) =>
        Grain(context.RequestServices.GetRequiredService<IGrainFactory>(), context.User, (string)context.Request.RouteValues["id"]!, write);

    private static string Code(HttpContext context) => ((string)context.Request.RouteValues["code"]!).ToUpperInvariant();

    private static DimensionResponse Dimension(this MaturityDetails maturity, string code) =>
        maturity.Dimensions.FirstOrDefault(d => d.Code == code)?.AsResponse()
            ?? throw new NotFoundException($"'{code}' is not a maturity dimension; the codes are A to J.");

    private static ActionUpdate Validate(this ActionRequest request)
    {
        var validation = new RequestValidation()
            .MaxLength("owner", request.Owner, 200)
            .MaxLength("notes", request.Notes, 4000);
        ActionStatus? status = request.Status is null ? null : MaturityFields.Status(validation, "status", request.Status);
        var evidence = request.Evidence ?? [];
        if (evidence.Count > 50)
        {
            validation.Add("evidence", "An action holds at most 50 evidence links.");
        }
        foreach (var (link, i) in evidence.Select((link, i) => (link, i)))
        {
            if (link is not { Length: <= 2000 } || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                validation.Add($"evidence[{i}]", "An evidence link is an absolute http or https address.");
            }
        }
        validation.ThrowIfInvalid();
        return new ActionUpdate(status, request.Owner, request.DueDate, request.Notes, request.Evidence);
    }

    private static MaturityResponse AsResponse(this MaturityDetails m) =>
        new(m.OrganisationId, m.OrganisationName, m.Overall, [.. m.Dimensions.Select(AsResponse)], m.AssessedAt, m.AssessedBy, m.NextReviewAt, m.ReviewDue);

    private static DimensionResponse AsResponse(this DimensionDetails d)
    {
        var history = WorkflowApi.TransitionRecordResponse<MaturityLevel, DimensionHistoryTrigger>.FromHistory(d.History);
        return new(d.Code, d.Name, d.Present, d.Present, d.Target, [.. d.Actions.Select(AsResponse)], history.Entries, history.Unrecognised);
    }

    private static ActionResponse AsResponse(this PlannedAction a) =>
        new(a.Id, a.Level, a.Text, a.Status, a.Owner, a.DueDate, a.Notes, a.Evidence);

    private static ModelResponse AsResponse(this MaturityModelDetails m) =>
        new([.. m.Levels.Select(l => l.Level)],
            m.Levels.ToDictionary(l => l.Level.ToString(), l => l.Label),
            [.. m.Dimensions.Select(d => new ModelDimensionResponse(d.Code, d.Name,
                [.. m.Actions.Where(a => a.DimensionCode == d.Code).Select(a => new ModelActionResponse(a.Id, a.Level, a.Text, a.Note))]))],
            m.OverallFormula,
            m.Notes);

    public sealed record OverallFormulaRequest([Required] string? Source);

    /// <summary>The body of <c>POST …/maturity/dimensions/{code}/transitions</c> as the document describes it.</summary>
    /// <param name="Trigger">The transition to fire.</param>
    /// <param name="Level">For <c>Reassess</c>: the level the dimension is at now.</param>
    /// <param name="Reason">For <c>Reassess</c>: why.</param>
    public sealed record DimensionTransitionRequest(DimensionTrigger Trigger, MaturityLevel? Level, string? Reason);

    public sealed record AssessmentRequest([Required] IReadOnlyList<DimensionRequest>? Dimensions);

    /// <summary>A level is its name (<c>Follower</c>) or the seed's label (<c>Incomplete/Non Compliant</c>).</summary>
    public sealed record DimensionRequest(
        [Required] string? Code,
        [Required, OpenApiEnum(typeof(MaturityLevel))] string? Present,
        [Required, OpenApiEnum(typeof(MaturityLevel))] string? Target);

    public sealed record ActionRequest([OpenApiEnum(typeof(ActionStatus))] string? Status, string? Owner, DateOnly? DueDate, string? Notes, IReadOnlyList<string>? Evidence);

    public sealed record MaturityResponse(
        string OrganisationId,
        string OrganisationName,
        OverallLevels Overall,
        IReadOnlyList<DimensionResponse> Dimensions,
        DateTimeOffset AssessedAt,
        string AssessedBy,
        DateTimeOffset NextReviewAt,
        bool ReviewDue);

    /// <summary>A dimension as a workflow resource: <c>state</c> is its present level.</summary>
    public sealed record DimensionResponse(
        string Code,
        string Name,
        MaturityLevel State,
        MaturityLevel Present,
        MaturityLevel Target,
        IReadOnlyList<ActionResponse> Actions,
        IReadOnlyList<WorkflowApi.TransitionRecordResponse<MaturityLevel, DimensionHistoryTrigger>> History,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description(TypedHistory.UnrecognisedDescription)]
        IReadOnlyList<TransitionRecord>? UnrecognisedHistory);

    public sealed record ActionResponse(
        string Id, MaturityLevel Level, string Text, ActionStatus Status, string? Owner, DateOnly? DueDate, string? Notes, IReadOnlyList<string> Evidence);

    public sealed record ModelResponse(
        IReadOnlyList<MaturityLevel> Levels,
        IReadOnlyDictionary<string, string> Labels,
        IReadOnlyList<ModelDimensionResponse> Dimensions,
        FormulaVersionDetails OverallFormula,
        IReadOnlyList<string> Notes);

    public sealed record ModelDimensionResponse(string Code, string Name, IReadOnlyList<ModelActionResponse> Actions);

    public sealed record ModelActionResponse(string Id, MaturityLevel Level, string Text, string? Note);
}
