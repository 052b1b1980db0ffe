using System.Globalization;
using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Frameworks;
using SocialValue.Api.Http;
using SocialValue.Api.Workflows;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Ids;
using SocialValue.Indexes;
using SocialValue.Keys;
using SocialValue.Maturity;
using SocialValue.Versions;
using SocialValue.Workflow;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.Contracts;

/// <summary>
/// API.md "Contracts and the commissioning cycle". Officers and Admins of the commissioning organisation drive a contract;
/// the Supplier key of the organisation named on the winning bid submits returns and reads the contract; Viewers read.
/// </summary>
public static class ContractsApi
{
    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").WithTags("Contracts").RequireAuthorization();
        api.MapPost("/", CreateContract);
        api.MapGet("/{id}", GetContract);
        api.MapPut("/{id}/specification", Specify);
        api.MapPut("/{id}/tender", SetTender);
        api.MapPost("/{id}/bids", SubmitBid);
        api.MapPost("/{id}/bids/import", ImportBids).Accepts<string>(Csv.ContentType);
        api.MapGet("/{id}/bids", ListBids);
        api.MapGet("/{id}/bids/{bidId}", GetBid);
        api.MapPut("/{id}/bids/{bidId}/scores", ScoreBid);
        api.MapPost("/{id}/returns", SubmitReturn);
        api.MapGet("/{id}/returns", ListReturns);
        api.MapGet("/{id}/returns/{returnId}", GetReturn);
        api.MapPut("/{id}/returns/{returnId}/verification", VerifyReturn);
        api.MapGet("/{id}/social-value", GetSocialValue);
        api.MapGet("/{id}/performance", GetPerformance);
        api.MapPut("/{id}/adjustments/{measureId}", SetAdjustments).WithName("SetContractAdjustments");
        api.MapPut("/{id}/planning", SetPlanning);
        api.MapPatch("/{id}/planning/steps/{number:int}", UpdateStep);

        app.MapWorkflow<ContractStatus, ContractTrigger, ContractTransitionRequest, ContractResponse>("/api/contracts/{id}", "contract", "Contracts", new WorkflowBinding(
            async context => await (await AuthoriseRead(context, RouteId(context), Access.Read)).GetTransitionsAsync(),
            async context => await (await Authorise(context, RouteId(context), Access.Read)).GetDiagramAsync(),
            Fire));

        app.MapRemediesApi();

        app.MapGet("/api/organisations/{id}/contracts", ListOrganisationContracts).WithTags("Contracts").RequireAuthorization();

        var scoring = app.MapGroup("/api/formulas/bid-score").WithTags("Contracts").RequireAuthorization();
        scoring.MapGet("/", GetBidScoreFormula);
        scoring.MapPost("/", PublishBidScoreFormula).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>Initiates a contract (Admin, or an Officer of the commissioning organisation); state <c>Initiated</c>.</summary>
    public static async Task<Created<ContractResponse>> CreateContract(
        CreateContractRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var created = await CreateAsync(request, grains, user);
        response.SetETag(created.ETag);
        return TypedResults.Created($"/api/contracts/{created.Id}", created.AsResponse());
    }

    /// <summary>Validates a new contract, checks the user may commission for its organisation and creates it (the API's and the pages' one way).</summary>
    internal static async Task<ContractDetails> CreateAsync(CreateContractRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var validation = new RequestValidation()
            .OptionalSlug("id", request.Id)
            .Required("organisationId", request.OrganisationId)
            .OptionalSlug("organisationId", request.OrganisationId)
            .Required("title", request.Title)
            .MaxLength("title", request.Title, 300)
            .Required("value", request.Value)
            .Holdable("value", request.Value)
            .OptionalSlug("frameworkId", request.FrameworkId);
        if (request.Value < 0)
        {
            validation.Add("value", "A contract's value is in £ and cannot be negative.");
        }
        validation.ThrowIfInvalid();
        user.EnsureCanWrite(request.OrganisationId!);
        var id = request.Id ?? Slug.WithSuffix(Slug.From(request.Title!));
        return await grains.GetGrain<IContractGrain>(id).CreateAsync(
            new NewContract(request.OrganisationId!, request.Title!.Trim(), request.Value!.Value, request.FrameworkId, user.Actor()));
    }

    /// <summary>A contract with its state, specification, tender, award, terms and history.</summary>
    public static async Task<Ok<ContractResponse>> GetContract(string id, HttpContext context)
    {
        var (_, contract) = await AuthorisedAsync(context, id, Access.Read);
        return Respond(context, contract);
    }

    /// <summary>Chooses outcomes and measures from the commissioner's adopted framework; only in <c>Specification</c>.</summary>
    public static async Task<Ok<ContractResponse>> Specify(string id, SpecificationRequest request, HttpContext context)
    {
        new RequestValidation().Required("outcomeIds", request.OutcomeIds is null ? null : "given").ThrowIfInvalid();
        var grain = await Authorise(context, id, Access.Commission);
        return Respond(context, await grain.SpecifyAsync(
            request.OutcomeIds!, request.MeasureIds ?? [], request.ContractTermOutcomeIds ?? [], context.Request.IfMatch()));
    }

    /// <summary>The planned service start (step 6's lead time is measured to it) and step 12's break-clause answer.</summary>
    public static async Task<Ok<ContractResponse>> SetPlanning(string id, PlanningRequest request, HttpContext context)
    {
        var grain = await Authorise(context, id, Access.Commission);
        return Respond(context, await grain.SetPlanningAsync(request.PlannedServiceStart, request.BreakClauseCoversSocialValue, context.Request.IfMatch()));
    }

    /// <summary>Works one of the 12 steps: its status, owner and date.</summary>
    public static async Task<Ok<ContractResponse>> UpdateStep(string id, int number, StepRequest request, HttpContext context)
    {
        var update = request.Validate();
        var grain = await Authorise(context, id, Access.Commission);
        return Respond(context, await grain.UpdateStepAsync(number, update, context.Request.IfMatch()));
    }

    /// <summary>The commissioner's SROI adjustments for one of the contract's measures, in place of the framework's defaults.</summary>
    public static async Task<Ok<ContractResponse>> SetAdjustments(string id, string measureId, AdjustmentsRequest request, HttpContext context)
    {
        var adjustments = request.ToAdjustments();
        var grain = await Authorise(context, id, Access.Commission);
        return Respond(context, await grain.SetAdjustmentsAsync(measureId, adjustments, context.Request.IfMatch()));
    }

    /// <summary>Sets the social value weighting, a fraction (0.3 is 30%) within <c>Contracts:WeightingRange</c>.</summary>
    public static async Task<Ok<ContractResponse>> SetTender(string id, TenderRequest request, HttpContext context)
    {
        new RequestValidation().Required("socialValueWeighting", request.SocialValueWeighting).ThrowIfInvalid();
        var grain = await Authorise(context, id, Access.Commission);
        return Respond(context, await grain.SetTenderAsync(request.SocialValueWeighting!.Value, context.Request.IfMatch()));
    }

    /// <summary>Records a bid while <c>Tendering</c>; commitments only on measures of the specification.</summary>
    public static async Task<Created<BidDetails>> SubmitBid(string id, BidRequest request, HttpContext context)
    {
        var bid = request.Validate();
        var grain = await Authorise(context, id, Access.Commission);
        var created = context.Response.Tagged(await grain.SubmitBidsAsync([bid], context.Request.IfMatch()))[0];
        return TypedResults.Created($"/api/contracts/{id}/bids/{created.Id}", created);
    }

    /// <summary>Imports bids from CSV (<c>text/csv</c>), one row per commitment; all or nothing, each problem naming its row.</summary>
    public static async Task<Created<IReadOnlyList<BidDetails>>> ImportBids(string id, HttpContext context)
    {
        if (context.Request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            throw new BadHttpRequestException("Send the bids as text/csv.", StatusCodes.Status415UnsupportedMediaType);
        }
        using var reader = new StreamReader(context.Request.Body);
        var bids = BidCsv.Parse(await reader.ReadToEndAsync(context.RequestAborted));
        var grain = await Authorise(context, id, Access.Commission);
        var created = context.Response.Tagged(await grain.SubmitBidsAsync(bids, context.Request.IfMatch()));
        return TypedResults.Created($"/api/contracts/{id}/bids", created);
    }

    /// <summary>Every bid with its social value score and weighted score, ranked, a page at a time; the commissioner's only.</summary>
    public static async Task<Ok<IReadOnlyList<RankedBidResponse>>> ListBids(string id, [AsParameters] PageQuery page, HttpContext context)
    {
        var grain = await AuthoriseRead(context, id, Access.ReadBids);
        var ranked = (await grain.GetBidsAsync()).Select((bid, place) => (Place: place, Bid: bid));
        return TypedResults.Ok(context.Respond(page, ranked, b => new IndexPosition(PageCursor.Place(b.Place), b.Bid.Id),
            b => new RankedBidResponse(b.Bid.WeightedScore is null ? null : b.Place + 1, b.Bid)));
    }

    /// <summary>One bid as it was submitted and scored; the commissioner's only.</summary>
    public static async Task<Ok<BidDetails>> GetBid(string id, string bidId, HttpContext context)
    {
        var grain = await AuthoriseRead(context, id, Access.ReadBids);
        return TypedResults.Ok((await grain.GetBidsAsync()).FirstOrDefault(b => b.Id == bidId)
            ?? throw new NotFoundException($"Contract '{id}' has no bid '{bidId}'."));
    }

    /// <summary>Scores a bid's two answers, 0–5 each, while in <c>Evaluation</c>.</summary>
    public static async Task<Ok<BidDetails>> ScoreBid(string id, string bidId, ScoresRequest request, HttpContext context, ClaimsPrincipal user)
    {
        var scores = request.Validate();
        var grain = await Authorise(context, id, Access.Commission);
        return TypedResults.Ok(context.Response.Tagged(await grain.ScoreBidAsync(bidId, scores, user.Actor(), context.Request.IfMatch())));
    }

    /// <summary>A quarterly return (<c>YYYY-Qn</c>) while <c>Live</c>, by the winning supplier or the commissioner.</summary>
    public static async Task<Created<ReturnDetails>> SubmitReturn(string id, ReturnRequest request, HttpContext context, ClaimsPrincipal user)
    {
        var newReturn = request.Validate(user.Actor());
        var grain = await Authorise(context, id, Access.Return);
        var submitted = context.Response.Tagged(await grain.SubmitReturnAsync(newReturn, context.Request.IfMatch()));
        return TypedResults.Created($"/api/contracts/{id}/returns/{submitted.Id}", submitted);
    }

    /// <summary>The returns with their verification, by period then submission, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<ReturnDetails>>> ListReturns(string id, [AsParameters] PageQuery page, HttpContext context)
    {
        var returns = await (await AuthoriseRead(context, id, Access.Read)).GetReturnsAsync();
        return TypedResults.Ok(context.Respond(page, returns,
            r => new IndexPosition($"{r.Period} {r.SubmittedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}", r.Id)));
    }

    /// <summary>One return with its verification, for whoever may read the contract.</summary>
    public static async Task<Ok<ReturnDetails>> GetReturn(string id, string returnId, HttpContext context)
    {
        var returns = await (await AuthoriseRead(context, id, Access.Read)).GetReturnsAsync();
        return TypedResults.Ok(returns.FirstOrDefault(r => r.Id == returnId)
            ?? throw new NotFoundException($"Contract '{id}' has no return '{returnId}'."));
    }

    /// <summary>The commissioner accepts or rejects a return; a rejection needs a comment.</summary>
    public static async Task<Ok<ReturnDetails>> VerifyReturn(string id, string returnId, VerificationRequest request, HttpContext context) =>
        TypedResults.Ok(context.Response.Tagged(await VerifyReturnAsync(context, id, returnId, request, context.Request.IfMatch())));

    /// <summary>A return verified by the contract's commissioner, for the API and the pages alike.</summary>
    internal static async Task<Versioned<ReturnDetails>> VerifyReturnAsync(
        HttpContext context, string id, string returnId, VerificationRequest request, VersionCondition? ifMatch)
    {
        request.Validate();
        var grain = await Authorise(context, id, Access.Commission);
        return await grain.VerifyReturnAsync(returnId, request.Accepted!.Value, request.Comment, context.User.Actor(), ifMatch);
    }

    /// <summary>Committed against delivered (accepted returns) per measure, outcome and theme, in units and £; <c>?year=</c> limits delivered.</summary>
    public static async Task<Ok<SocialValueTotals>> GetSocialValue(string id, HttpContext context, int? year) =>
        TypedResults.Ok(await (await AuthoriseRead(context, id, Access.Read)).GetSocialValueAsync(year));

    /// <summary>
    /// A performance review: delivered against committed per measure, shortfalls past the threshold flagged. Overdue
    /// returns change with the date, not only with the contract, so the tag is of the review's body, not the contract's version.
    /// </summary>
    public static async Task<Ok<PerformanceReview>> GetPerformance(string id, HttpContext context) =>
        TypedResults.Ok(await (await Authorise(context, id, Access.Read)).GetPerformanceAsync());

    /// <summary>The contracts an organisation commissions and those it won as a supplier, by title, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<ContractSummary>>> ListOrganisationContracts(
        string id, [AsParameters] PageQuery page, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        if (!Slug.IsValid(id))
        {
            throw new NotFoundException($"There is no organisation '{id}'.");
        }
        user.EnsureCanRead(id);
        var (after, limit) = page.Read();
        return TypedResults.Ok(context.Respond(await grains.GetGrain<IContractIndexGrain>(id).ListAsync(after, limit)));
    }

    /// <summary>The bid social value score formula in force, and every version; the ETag is the number of the version in force.</summary>
    public static async Task<Ok<BidScoreFormulaResponse>> GetBidScoreFormula(IGrainFactory grains, HttpResponse response)
    {
        var formula = grains.GetGrain<IBidScoreFormulaGrain>(IBidScoreFormulaGrain.Default);
        var versions = await formula.GetVersionsAsync();
        response.SetETag(versions[^1].ETag());
        return TypedResults.Ok(new BidScoreFormulaResponse(versions[^1], versions));
    }

    /// <summary>Publishes a new bid score formula version (Admin); tenders published afterwards use it. Honours <c>If-Match</c>.</summary>
    public static async Task<Created<FormulaVersionDetails>> PublishBidScoreFormula(
        BidScoreFormulaRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        new RequestValidation().Required("source", request.Source).ThrowIfInvalid();
        var version = await grains.GetGrain<IBidScoreFormulaGrain>(IBidScoreFormulaGrain.Default)
            .PublishAsync(request.Source!, user.Actor(), context.Request.IfMatch());
        context.Response.SetETag(version.ETag());
        return TypedResults.Created("/api/formulas/bid-score", version);
    }

    /// <summary>Fires a trigger of the commissioning cycle on the contract of the route (its commissioner).</summary>
    internal static async Task<IResult> Fire(HttpContext context, TransitionRequest request)
    {
        var contract = await FireAsync(context, RouteId(context), request, context.Request.IfMatch());
        context.Response.SetETag(contract.ETag);
        return TypedResults.Ok(contract.AsResponse());
    }

    /// <summary>A trigger fired by the contract's commissioner, for the API and the pages alike.</summary>
    internal static async Task<ContractDetails> FireAsync(HttpContext context, string id, TransitionRequest request, VersionCondition? ifMatch) =>
        await (await Authorise(context, id, Access.Commission)).FireAsync(request, ifMatch);

    internal enum Access
    {
        Read,
        ReadBids,
        Commission,
        Return,
        Propose,
    }

    /// <summary>
    /// <see cref="Authorise"/> for a read of a view of the contract (bids, returns, totals): the response carries the
    /// contract's version, which every such view follows.
    /// </summary>
    internal static async Task<IContractGrain> AuthoriseRead(HttpContext context, string id, Access access)
    {
        var (grain, contract) = await AuthorisedAsync(context, id, access);
        context.Response.SetETag(contract.ETag);
        return grain;
    }

    /// <summary>The contract of the route, once the caller is known to be allowed <paramref name="access"/> to it.</summary>
    internal static async Task<IContractGrain> Authorise(HttpContext context, string id, Access access) =>
        (await AuthorisedAsync(context, id, access)).Grain;

    internal static async Task<(IContractGrain Grain, ContractDetails Contract)> AuthorisedAsync(HttpContext context, string id, Access access)
    {
        if (!Slug.IsValid(id))
        {
            throw new NotFoundException($"There is no contract '{id}'.");
        }
        var grain = context.RequestServices.GetService(typeof(IGrainFactory)) is IGrainFactory grains
            ? grains.GetGrain<IContractGrain>(id)
            : throw new InvalidOperationException("The grain runtime is not registered.");
        var contract = await grain.GetAsync();
        var user = context.User;
        var isSupplier = contract.Award?.SupplierOrganisationId is { } supplier && user.OrganisationId() == supplier;
        switch (access)
        {
            case Access.Read when isSupplier:
            case Access.Return when isSupplier && user.Role() == Role.Supplier:
            case Access.Propose when isSupplier && user.Role() == Role.Supplier || user.IsAdmin():
                break;
            case Access.Propose:
                throw new ForbiddenException(
                    $"Only the awarded supplier's Supplier key (organisation '{contract.Award?.SupplierOrganisationId}') or an Admin proposes a recovery plan.");
            case Access.Read or Access.ReadBids:
                user.EnsureCanRead(contract.OrganisationId);
                break;
            default:
                user.EnsureCanWrite(contract.OrganisationId);
                break;
        }
        return (grain, contract);
    }

    internal static string RouteId(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    private static Ok<ContractResponse> Respond(HttpContext context, ContractDetails contract)
    {
        context.Response.SetETag(contract.ETag);
        return TypedResults.Ok(contract.AsResponse());
    }

    /// <summary>A step's change as the API and the pages accept it.</summary>
    internal static StepUpdate Validate(this StepRequest request)
    {
        new RequestValidation().MaxLength("owner", request.Owner, 200).ThrowIfInvalid();
        return new StepUpdate(request.Status, request.Owner?.Trim(), request.Date);
    }

    /// <summary>Both answers' scores, each 0–5.</summary>
    internal static BidScores Validate(this ScoresRequest request)
    {
        var validation = new RequestValidation().Required("delivery", request.Delivery).Required("measurement", request.Measurement);
        foreach (var (field, score) in new[] { ("delivery", request.Delivery), ("measurement", request.Measurement) })
        {
            if (score is < 0 or > 5)
            {
                validation.Add(field, $"A score is from 0 to 5, not {score}.");
            }
        }
        validation.ThrowIfInvalid();
        return new BidScores(request.Delivery!.Value, request.Measurement!.Value);
    }

    /// <summary>A verification needs its decision; a comment is at most 2,000 characters.</summary>
    internal static void Validate(this VerificationRequest request) =>
        new RequestValidation().Required("accepted", request.Accepted).MaxLength("comment", request.Comment, 2000).ThrowIfInvalid();


    /// <summary>The return a request asks for, once every field is valid (422 naming each field otherwise); pages validate with it too.</summary>
    internal static NewReturn Validate(this ReturnRequest request, string actor)
    {
        var validation = new RequestValidation().OptionalSlug("id", request.Id).Required("period", request.Period);
        if (request.Lines is not { Count: > 0 })
        {
            validation.Add("lines", "A return needs at least one line.");
        }
        var lines = (request.Lines ?? []).Select((line, i) =>
        {
            validation.Required($"lines[{i}].measureId", line.MeasureId)
                .Required($"lines[{i}].quantity", line.Quantity)
                .Holdable($"lines[{i}].quantity", line.Quantity)
                .Holdable($"lines[{i}].inputs", line.Inputs);
            if (line.Quantity < 0)
            {
                validation.Add($"lines[{i}].quantity", "A quantity delivered cannot be negative.");
            }
            return new NewReturnLine(line.MeasureId ?? "", line.Quantity ?? 0, line.Inputs, line.Evidence);
        }).ToList();
        validation.ThrowIfInvalid();
        return new NewReturn(request.Id, request.Period!.Trim(), lines, actor);
    }

    internal static NewBid Validate(this BidRequest request)
    {
        var validation = new RequestValidation()
            .OptionalSlug("id", request.Id)
            .Required("supplier", request.Supplier)
            .MaxLength("supplier", request.Supplier, 300)
            .OptionalSlug("supplierOrganisationId", request.SupplierOrganisationId)
            .Required("price", request.Price)
            .Holdable("price", request.Price)
            .Required("answers.delivery", request.Answers?.Delivery)
            .Required("answers.measurement", request.Answers?.Measurement);
        if (request.Price < 0)
        {
            validation.Add("price", "A price cannot be negative.");
        }
        var commitments = (request.Commitments ?? []).Select((c, i) =>
        {
            validation.Required($"commitments[{i}].measureId", c.MeasureId)
                .Required($"commitments[{i}].target", c.Target)
                .Holdable($"commitments[{i}].target", c.Target)
                .Holdable($"commitments[{i}].inputs", c.Inputs);
            if (c.Target < 0)
            {
                validation.Add($"commitments[{i}].target", "A target cannot be negative.");
            }
            return new NewCommitment(c.MeasureId ?? "", c.Target ?? 0, Inputs: c.Inputs);
        }).ToList();
        validation.ThrowIfInvalid();
        return new NewBid(request.Id, request.Supplier!.Trim(), request.SupplierOrganisationId, request.Price!.Value, commitments,
            new BidAnswers(request.Answers!.Delivery!.Trim(), request.Answers.Measurement!.Trim()));
    }

    private static ContractResponse AsResponse(this ContractDetails c)
    {
        var history = TypedHistory.Of<ContractHistoryState, ContractHistoryTrigger, ContractHistoryEntry>(
            c.History, (h, trigger, from, to) => new(h.At, h.Actor, trigger, from, to, h.Reason, h.Subject));
        return new(c.Id, c.OrganisationId, c.Title, c.Value, c.FrameworkId, c.State, c.Specification, c.Tender, c.Award, c.Terms,
            c.LiveFrom, c.ReturnsDue, history.Entries, c.CreatedAt, c.UpdatedAt, c.Planning, c.Remedies ?? [], c.ExtensionFlags ?? [],
            history.Unrecognised);
    }

    public sealed record CreateContractRequest(string? Id, [Required] string? OrganisationId, [Required] string? Title, [Required] decimal? Value, string? FrameworkId);

    /// <summary>
    /// The outcomes and measures chosen; <c>contractTermOutcomeIds</c> names the outcomes that cannot be linked to the
    /// contract's subject matter, whose commitments become contract terms instead of contract KPIs.
    /// </summary>
    public sealed record SpecificationRequest([Required] List<string>? OutcomeIds, List<string>? MeasureIds, List<string>? ContractTermOutcomeIds);

    public sealed record TenderRequest([Required] decimal? SocialValueWeighting);

    public sealed record BidRequest(
        string? Id,
        [Required] string? Supplier,
        string? SupplierOrganisationId,
        [Required] decimal? Price,
        List<CommitmentRequest>? Commitments,
        [Required] AnswersRequest? Answers);

    /// <summary>A commitment; <c>inputs</c> are the named inputs the measure's formula reads to value the target.</summary>
    public sealed record CommitmentRequest([Required] string? MeasureId, [Required] decimal? Target, Dictionary<string, decimal>? Inputs = null);

    public sealed record AnswersRequest([Required] string? Delivery, [Required] string? Measurement);

    public sealed record ScoresRequest([Required] decimal? Delivery, [Required] decimal? Measurement);

    public sealed record ReturnRequest(string? Id, [Required] string? Period, [Required] List<ReturnLineRequest>? Lines);

    public sealed record ReturnLineRequest([Required] string? MeasureId, [Required] decimal? Quantity, Dictionary<string, decimal>? Inputs, string? Evidence);

    public sealed record VerificationRequest([Required] bool? Accepted, string? Comment);

    public sealed record BidScoreFormulaRequest([Required] string? Source);

    /// <summary>The body of <c>POST /api/contracts/{id}/transitions</c> as the document describes it.</summary>
    /// <param name="Trigger">The transition to fire.</param>
    /// <param name="Reason">Why; <c>Terminate</c> and <c>Cancel</c> need one.</param>
    /// <param name="BidId">For <c>Award</c>: the winning bid.</param>
    public sealed record ContractTransitionRequest(ContractTrigger Trigger, string? Reason, string? BidId);

    public sealed record BidScoreFormulaResponse(FormulaVersionDetails Current, IReadOnlyList<FormulaVersionDetails> Versions);

    /// <summary>A bid with its place in the ranking; unscored bids have none.</summary>
    public sealed record RankedBidResponse(int? Rank, BidDetails Bid);

    public sealed record ContractResponse(
        string Id,
        string OrganisationId,
        string Title,
        decimal Value,
        string? FrameworkId,
        ContractStatus State,
        SpecificationDetails Specification,
        TenderDetails Tender,
        AwardDetails? Award,
        IReadOnlyList<SocialValueTerm> Terms,
        DateTimeOffset? LiveFrom,
        IReadOnlyList<ReturnDue> ReturnsDue,
        IReadOnlyList<ContractHistoryEntry> History,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        PlanningDetails? Planning,
        IReadOnlyList<RemedySummary> Remedies,
        IReadOnlyList<ExtensionFlag> ExtensionFlags,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description(TypedHistory.UnrecognisedDescription)]
        IReadOnlyList<TransitionRecord>? UnrecognisedHistory);

    /// <summary>
    /// One step in a contract's history: a transition of the commissioning cycle, or, when <see cref="Subject"/> names a
    /// part of the contract, a recorded performance review (<c>performance-reviews/review-1</c>, trigger <c>ReviewPerformance</c>)
    /// or a transition of one of its remedies (<c>remedies/remedy-1</c>, the remedy workflow's triggers and states).
    /// </summary>
    /// <param name="At">When.</param>
    /// <param name="Actor">Who: the key's name and id, or <c>scheduler</c> for a deadline.</param>
    /// <param name="Trigger">A trigger of the commissioning cycle, <c>ReviewPerformance</c>, or a trigger of the remedy named by <c>subject</c>.</param>
    /// <param name="From">The state left, of the cycle (a review stays in it) or of the remedy.</param>
    /// <param name="To">The state entered, of the cycle or of the remedy.</param>
    /// <param name="Reason">Why, or what was found and done.</param>
    /// <param name="Subject">The part of the contract the step is of, as a path under the contract; none for the cycle itself.</param>
    public sealed record ContractHistoryEntry(
        DateTimeOffset At, string Actor, ContractHistoryTrigger Trigger, ContractHistoryState From, ContractHistoryState To, string? Reason, string? Subject);

    public sealed record PlanningRequest(DateOnly? PlannedServiceStart, bool? BreakClauseCoversSocialValue);

    public sealed record StepRequest(ActionStatus? Status, string? Owner, DateOnly? Date);
}
