using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Api.Workflows;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Indexes;
using SocialValue.Workflow;
using static SocialValue.Api.Contracts.ContractsApi;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.Contracts;

/// <summary>
/// DOMAIN.md "Enforcement and reward" (seed 004): the commissioner records performance reviews of a Live contract, which
/// open remedies on shortfalls and flag extension opportunities; the awarded supplier proposes a recovery plan for a
/// remedy, and the commissioner accepts, rejects, escalates or resolves it.
/// </summary>
public static class RemediesApi
{
    private const int MaxDemandReductions = 20;
    private const int MaxNoteLength = 2000;

    public static IEndpointRouteBuilder MapRemediesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").WithTags("Contracts").RequireAuthorization();
        api.MapPost("/{id}/performance-reviews", RecordPerformanceReview);
        api.MapGet("/{id}/performance-reviews", ListPerformanceReviews);
        api.MapGet("/{id}/performance-reviews/{reviewId}", GetPerformanceReview);
        api.MapGet("/{id}/remedies", ListRemedies);
        api.MapGet("/{id}/remedies/{remedyId}", GetRemedy);

        app.MapWorkflow<RemedyStatus, RemedyTrigger, RemedyTransitionRequest, RemedyResponse>(
            "/api/contracts/{id}/remedies/{remedyId}", "contract remedy", "Contracts", new WorkflowBinding(
                async context => await (await AuthoriseRead(context, RouteId(context), Access.Read)).GetRemedyTransitionsAsync(RemedyId(context)),
                async context => await (await Authorise(context, RouteId(context), Access.Read)).GetRemedyDiagramAsync(),
                FireRemedy));
        return app;
    }

    /// <summary>
    /// Records a performance review of a <c>Live</c> contract (its commissioner): the snapshot of delivered against committed
    /// goes into the history, a remedy is opened on each measure in shortfall without an unfinished one, over-delivery is
    /// flagged for an extension opportunity, and so is each demand reduction the commissioner records (no measure counts it).
    /// </summary>
    public static async Task<Created<PerformanceReviewDetails>> RecordPerformanceReview(
        string id, PerformanceReviewRequest request, HttpContext context, ClaimsPrincipal user)
    {
        var reductions = request.DemandReductions ?? [];
        var validation = new RequestValidation();
        if (reductions.Count > MaxDemandReductions)
        {
            validation.Add("demandReductions", $"A review records at most {MaxDemandReductions} demand reductions; this one has {reductions.Count}.");
        }
        foreach (var (reduction, i) in reductions.Take(MaxDemandReductions).Select((r, i) => (r, i)))
        {
            validation.Required($"demandReductions[{i}].note", reduction?.Note).MaxLength($"demandReductions[{i}].note", reduction?.Note, MaxNoteLength);
        }
        validation.ThrowIfInvalid();
        var grain = await Authorise(context, id, Access.Commission);
        var review = context.Response.Tagged(await grain.RecordReviewAsync(
            new NewPerformanceReview(user.Actor(), [.. reductions.Select(r => r!.Note!.Trim())]), context.Request.IfMatch()));
        return TypedResults.Created($"/api/contracts/{id}/performance-reviews/{review.Id}", review);
    }

    /// <summary>The recorded performance reviews, oldest first, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<PerformanceReviewDetails>>> ListPerformanceReviews(string id, [AsParameters] PageQuery page, HttpContext context)
    {
        var reviews = await (await AuthoriseRead(context, id, Access.Read)).GetReviewsAsync();
        return TypedResults.Ok(context.Respond(page, InOrder(reviews), r => new IndexPosition(PageCursor.Place(r.Place), r.Entry.Id), r => r.Entry));
    }

    /// <summary>One performance review with the remedies it opened and the flags it raised.</summary>
    public static async Task<Ok<PerformanceReviewDetails>> GetPerformanceReview(string id, string reviewId, HttpContext context)
    {
        var reviews = await (await AuthoriseRead(context, id, Access.Read)).GetReviewsAsync();
        return TypedResults.Ok(reviews.FirstOrDefault(r => r.Id == reviewId)
            ?? throw new NotFoundException($"Contract '{id}' has no performance review '{reviewId}'."));
    }

    /// <summary>The remedies the reviews opened, oldest first, with their state and plan, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<RemedyResponse>>> ListRemedies(string id, [AsParameters] PageQuery page, HttpContext context)
    {
        var remedies = await (await AuthoriseRead(context, id, Access.Read)).GetRemediesAsync();
        return TypedResults.Ok(context.Respond(page, InOrder(remedies), r => new IndexPosition(PageCursor.Place(r.Place), r.Entry.Id), r => r.Entry.AsResponse()));
    }

    /// <summary>One remedy: the shortfall it is for, its state, the supplier's plan and its steps.</summary>
    public static async Task<Ok<RemedyResponse>> GetRemedy(string id, string remedyId, HttpContext context)
    {
        var remedies = await (await AuthoriseRead(context, id, Access.Read)).GetRemediesAsync();
        return TypedResults.Ok((remedies.FirstOrDefault(r => r.Id == remedyId)
            ?? throw new NotFoundException($"Contract '{id}' has no remedy '{remedyId}'.")).AsResponse());
    }

    /// <summary>
    /// Fires a trigger of the remedy of the route: <c>ProposePlan</c> by the awarded supplier's Supplier key (or an Admin),
    /// every other trigger by the commissioner.
    /// </summary>
    internal static async Task<IResult> FireRemedy(HttpContext context, TransitionRequest request)
    {
        var proposes = string.Equals(request.Trigger, nameof(RemedyTrigger.ProposePlan), StringComparison.OrdinalIgnoreCase);
        var grain = await Authorise(context, RouteId(context), proposes ? Access.Propose : Access.Commission);
        var remedy = context.Response.Tagged(await grain.FireRemedyAsync(RemedyId(context), request, context.Request.IfMatch()));
        return TypedResults.Ok(remedy.AsResponse());
    }

    private static IEnumerable<(int Place, T Entry)> InOrder<T>(IEnumerable<T> entries) => entries.Select((entry, place) => (place, entry));

    private static string RemedyId(HttpContext context) => (string)context.Request.RouteValues["remedyId"]!;

    private static RemedyResponse AsResponse(this RemedyDetails r)
    {
        var history = WorkflowApi.TransitionRecordResponse<RemedyStatus, RemedyTrigger>.FromHistory(r.History);
        return new(r.Id, r.MeasureId, r.Title, r.Unit, r.Kind, r.Committed, r.Delivered, r.Shortfall, r.ReviewId, r.OpenedAt, r.State, r.Plan,
            history.Entries, history.Unrecognised);
    }

    /// <param name="DemandReductions">Reductions in demand for public services the supplier achieved, as the commissioner records them; each is flagged for an extension opportunity.</param>
    public sealed record PerformanceReviewRequest(List<DemandReductionRequest?>? DemandReductions);

    /// <param name="Note">What demand was reduced, and how the commissioner knows.</param>
    public sealed record DemandReductionRequest([Required] string? Note);

    /// <summary>The body of <c>POST /api/contracts/{id}/remedies/{remedyId}/transitions</c> as the document describes it.</summary>
    /// <param name="Trigger">The transition to fire.</param>
    /// <param name="Reason">Why; <c>RejectPlan</c> and <c>Escalate</c> need one.</param>
    /// <param name="Plan">For <c>ProposePlan</c>: what the supplier will do to make the shortfall good.</param>
    /// <param name="DueDate">For <c>ProposePlan</c>: the date (YYYY-MM-DD, after today) by which delivery will meet the commitment.</param>
    public sealed record RemedyTransitionRequest(RemedyTrigger Trigger, string? Reason, string? Plan, DateOnly? DueDate);

    /// <summary>A remedy for a shortfall on one committed measure.</summary>
    /// <param name="Id">The remedy's id in the contract, e.g. <c>remedy-1</c>.</param>
    /// <param name="MeasureId">The committed measure that fell short.</param>
    /// <param name="Title">The measure's title.</param>
    /// <param name="Unit">The measure's unit, as people write it.</param>
    /// <param name="Kind">Whether the commitment is a contract term or a contract KPI.</param>
    /// <param name="Committed">The commitment, in the measure's unit.</param>
    /// <param name="Delivered">Delivered (accepted returns) when the review opened the remedy.</param>
    /// <param name="Shortfall">Committed less delivered, in the measure's unit, when the review opened the remedy.</param>
    /// <param name="ReviewId">The performance review that found the shortfall.</param>
    /// <param name="OpenedAt">When the review opened the remedy.</param>
    /// <param name="State">Where the remedy is in its workflow.</param>
    /// <param name="Plan">The supplier's recovery plan while one is proposed or accepted; none while awaiting one.</param>
    /// <param name="History">The remedy's steps; each is also in the contract's history.</param>
    /// <param name="UnrecognisedHistory">See <see cref="TypedHistory.UnrecognisedDescription"/>.</param>
    public sealed record RemedyResponse(
        string Id,
        string MeasureId,
        string Title,
        string Unit,
        TermKind Kind,
        decimal Committed,
        decimal Delivered,
        decimal Shortfall,
        string ReviewId,
        DateTimeOffset OpenedAt,
        RemedyStatus State,
        RecoveryPlan? Plan,
        IReadOnlyList<WorkflowApi.TransitionRecordResponse<RemedyStatus, RemedyTrigger>> History,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description(TypedHistory.UnrecognisedDescription)]
        IReadOnlyList<TransitionRecord>? UnrecognisedHistory);
}
