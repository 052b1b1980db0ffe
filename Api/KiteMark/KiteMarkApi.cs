using System.Globalization;
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
using SocialValue.Api.Http;
using SocialValue.Api.Workflows;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Indexes;
using SocialValue.Keys;
using SocialValue.KiteMark;
using SocialValue.Versions;
using SocialValue.Workflow;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.KiteMark;

public static class KiteMarkApi
{
    public const string DefaultSchemeId = "cheshire-merseyside";
    private const string Tag = "Kite Mark";
    private const string Expiring = "expiring";

    public static IEndpointRouteBuilder MapKiteMarkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/kitemark/register", GetRegister).WithTags(Tag).AllowAnonymous();

        var api = app.MapGroup("/api/kitemark").WithTags(Tag).RequireAuthorization();
        api.MapGet("/schemes", ListSchemes);
        api.MapGet("/schemes/{id}", GetScheme);
        api.MapPut("/schemes/{id}", PutScheme);
        api.MapGet("/nominations", ListNominations);
        api.MapPut("/nominations/{organisationId}", Nominate);
        api.MapDelete("/nominations/{organisationId}", WithdrawNomination);
        api.MapPost("/applications", CreateApplication);
        api.MapGet("/applications", ListApplications);
        api.MapGet($"/applications/{Expiring}", ListExpiring);
        api.MapGet("/applications/{id}", GetApplication);
        api.MapPut("/applications/{id}/consent", SetConsent);
        api.MapPost("/applications/{id}/evidence", AddEvidence);
        api.MapGet("/applications/{id}/evidence/{evidenceId}", GetEvidence);
        api.MapPut("/applications/{id}/evidence/{evidenceId}/review", ReviewEvidence);

        app.MapWorkflow<KiteMarkState, KiteMarkTrigger, ApplicationTransitionRequest, ApplicationResponse>(
            "/api/kitemark/applications/{id}", "Kite Mark application", Tag, new WorkflowBinding(GetTransitions, GetDiagram, Fire));
        return app;
    }

    /// <summary>The public register (anonymous): current holders with award and expiry dates, by organisation name, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<HolderResponse>>> GetRegister(
        [AsParameters] PageQuery page, IGrainFactory grains, TimeProvider time, HttpContext context)
    {
        var (after, limit) = page.Read();
        var holders = await grains.GetGrain<IKiteMarkRegisterGrain>(IKiteMarkRegisterGrain.Register).ListAsync(after, limit, time.GetUtcNow());
        return TypedResults.Ok(context.Respond(holders, h =>
            new HolderResponse(h.OrganisationId, h.OrganisationName, h.ApplicationId, h.AwardingBodyId, h.AwardedOn, h.ValidUntil)));
    }

    /// <summary>The shipped scheme first, then the local ones by name, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<KiteMarkSchemeSummary>>> ListSchemes([AsParameters] PageQuery page, IGrainFactory grains, HttpContext context)
    {
        var (after, limit) = page.Read();
        return TypedResults.Ok(context.Respond(await grains.GetGrain<IKiteMarkSchemeIndexGrain>(IKiteMarkSchemeIndexGrain.All).ListAsync(after, limit)));
    }

    /// <summary>A Kite Mark scheme: themes with their criteria, must-dos and validity.</summary>
    public static async Task<Ok<SchemeResponse>> GetScheme(string id, IGrainFactory grains, HttpResponse response)
    {
        var scheme = await Scheme(grains, id).GetAsync();
        response.SetETag(scheme.ETag);
        return TypedResults.Ok(scheme.AsResponse());
    }

    /// <summary>
    /// Creates or replaces a local scheme (a Champion of the awarding body, or Admin naming <c>awardingBodyId</c>):
    /// its themes and criteria, or a copy of <c>copyFrom</c>'s; <c>mustDos</c> names the must-do criteria; honours <c>If-Match</c>.
    /// </summary>
    public static async Task<Ok<SchemeResponse>> PutScheme(
        string id, SchemeRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var scheme = await PutSchemeAsync(id, request, grains, user, context.Request.IfMatch());
        context.Response.SetETag(scheme.ETag);
        return TypedResults.Ok(scheme.AsResponse());
    }

    /// <summary>A scheme created or replaced, for the API and the pages alike.</summary>
    internal static async Task<KiteMarkSchemeDetails> PutSchemeAsync(
        string id, SchemeRequest request, IGrainFactory grains, ClaimsPrincipal user, VersionCondition? ifMatch)
    {
        // An Admin's scheme that names no awarding body is open to every awarding body (API.md); a Champion's is its body's.
        var awardingBodyId = request.AwardingBodyId ?? (user.IsAdmin() ? null : user.OrganisationId());
        var validation = new RequestValidation()
            .Required("name", request.Name)
            .MaxLength("name", request.Name, 200)
            .OptionalSlug("copyFrom", request.CopyFrom);
        if (!user.IsAdmin())
        {
            validation.Required("awardingBodyId", awardingBodyId);
        }
        validation.ThrowIfInvalid();
        if (awardingBodyId is not null)
        {
            user.EnsureActsForAwardingBody(awardingBodyId);
        }
        var grain = Scheme(grains, id);
        if (await FindSchemeAsync(grain) is { ReadOnly: false } existing && existing.AwardingBodyId != awardingBodyId)
        {
            throw new ForbiddenException($"Scheme '{id}' is the local scheme of '{existing.AwardingBodyId}'.");
        }
        var definition = await request.AsDefinitionAsync(id, grains);
        return await grain.PutAsync(definition, awardingBodyId, ifMatch);
    }

    /// <summary>Every nomination, by nominated organisation, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<KiteMarkNomination>>> ListNominations([AsParameters] PageQuery page, IGrainFactory grains, HttpContext context)
    {
        var (after, limit) = page.Read();
        return TypedResults.Ok(context.Respond(await grains.GetGrain<IKiteMarkNominationsGrain>(IKiteMarkNominationsGrain.All).ListAsync(after, limit)));
    }

    /// <summary>
    /// A local authority or chamber of commerce nominates an organisation to award the Kite Mark for it: a Champion
    /// of the nominating body, or Admin naming <c>nominatedBy</c>. Honours <c>If-Match</c>: the ETag of the response that
    /// made the nomination.
    /// </summary>
    public static async Task<Ok<KiteMarkNomination>> Nominate(
        string organisationId, NominationRequest request, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time, HttpContext context)
    {
        var nominated = await Nominations.NominateAsync(grains, user, time, organisationId, request.NominatedBy, context.Request.IfMatch());
        return TypedResults.Ok(context.Response.Tagged(nominated));
    }

    /// <summary>Ends a nomination: Admin, or a Champion of the body that made it. Honours <c>If-Match</c>.</summary>
    public static async Task<NoContent> WithdrawNomination(string organisationId, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        await Nominations.WithdrawAsync(grains, user, organisationId, context.Request.IfMatch());
        return TypedResults.NoContent();
    }

    /// <summary>Opens an application in Draft (an Officer of the applicant, or Admin); the scheme defaults to <c>cheshire-merseyside</c>.</summary>
    public static async Task<Created<ApplicationResponse>> CreateApplication(
        CreateApplicationRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var (id, created) = await OpenApplicationAsync(request, grains, user);
        response.SetETag(created.ETag);
        return TypedResults.Created($"/api/kitemark/applications/{id}", created.AsResponse());
    }

    /// <summary>Opens an application once the request is valid and the user is an Officer of the applicant (or Admin); pages open them with it too.</summary>
    internal static async Task<(string Id, KiteMarkApplicationDetails Created)> OpenApplicationAsync(
        CreateApplicationRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var validation = new RequestValidation()
            .OptionalSlug("id", request.Id)
            .Required("organisationId", request.OrganisationId)
            .OptionalSlug("organisationId", request.OrganisationId)
            .Required("awardingBodyId", request.AwardingBodyId)
            .OptionalSlug("awardingBodyId", request.AwardingBodyId)
            .OptionalSlug("schemeId", request.SchemeId)
            .Required("consentToPublish", request.ConsentToPublish);
        if (request.Id == Expiring)
        {
            validation.Add("id", $"'{Expiring}' names the route of expiring awards; choose another id.");
        }
        validation.ThrowIfInvalid();
        user.EnsureActsForApplicant(request.OrganisationId!);
        var id = request.Id ?? Slug.Random();
        var created = await grains.GetGrain<IKiteMarkApplicationGrain>(id).CreateAsync(new NewKiteMarkApplication(
            request.OrganisationId!, request.AwardingBodyId!, request.SchemeId ?? DefaultSchemeId, request.ConsentToPublish!.Value, user.Actor()));
        return (id, created);
    }

    /// <summary>A champion's queue: the applications to an awarding body, optionally in one state, most recently changed first, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<KiteMarkApplicationSummary>>> ListApplications(
        string? awardingBodyId, KiteMarkState? state, [AsParameters] PageQuery page, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var (after, limit) = page.Read();
        return TypedResults.Ok(context.Respond(await Queue(grains, user, awardingBodyId).ListAsync(after, limit, state)));
    }

    /// <summary>An awarding body's awards that expire within <c>days</c> (default 90), soonest first, a page at a time.</summary>
    public static async Task<Ok<IReadOnlyList<KiteMarkApplicationSummary>>> ListExpiring(
        string? awardingBodyId, int? days, [AsParameters] PageQuery page, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time, HttpContext context)
    {
        var window = days ?? 90;
        if (window is < 1 or > 3660)
        {
            throw new ValidationException("days", "'days' is between 1 and 3660.");
        }
        var expiring = await Queue(grains, user, awardingBodyId).ListExpiringAsync(time.GetUtcNow().AddDays(window));
        return TypedResults.Ok(context.Respond(page, expiring,
            a => new IndexPosition(a.ValidUntil!.Value.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), a.Id)));
    }

    /// <summary>An application with its evidence, per-theme coverage, must-dos met and award dates.</summary>
    public static async Task<Ok<ApplicationResponse>> GetApplication(string id, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var application = await ReadableAsync(grains, id, user);
        response.SetETag(application.ETag);
        return TypedResults.Ok(application.AsResponse());
    }

    /// <summary>Gives or withdraws consent to publish while in Draft (an Officer of the applicant); honours <c>If-Match</c>.</summary>
    public static async Task<Ok<ApplicationResponse>> SetConsent(
        string id, ConsentRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        new RequestValidation().Required("consentToPublish", request.ConsentToPublish).ThrowIfInvalid();
        var updated = await SetConsentAsync(id, request.ConsentToPublish!.Value, grains, user, context.Request.IfMatch());
        context.Response.SetETag(updated.ETag);
        return TypedResults.Ok(updated.AsResponse());
    }

    /// <summary>Gives or withdraws consent as an Officer of the applicant (or Admin); pages set it with this too.</summary>
    internal static async Task<KiteMarkApplicationDetails> SetConsentAsync(
        string id, bool consentToPublish, IGrainFactory grains, ClaimsPrincipal user, VersionCondition? expected)
    {
        var application = await ReadableAsync(grains, id, user);
        user.EnsureActsForApplicant(application.OrganisationId);
        return await Application(grains, id).SetConsentAsync(consentToPublish, expected);
    }

    /// <summary>Adds evidence against a criterion while the application is open (an Officer of the applicant); honours <c>If-Match</c>.</summary>
    public static async Task<Created<EvidenceCreatedResponse>> AddEvidence(
        string id, EvidenceRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var evidence = context.Response.Tagged(await AddEvidenceAsync(id, request, grains, user, context.Request.IfMatch()));
        return TypedResults.Created($"/api/kitemark/applications/{id}/evidence/{evidence.Id}", new EvidenceCreatedResponse(evidence.Id));
    }

    /// <summary>Adds evidence once the request is valid and the user is an Officer of the applicant (or Admin); pages add it with this too.</summary>
    internal static async Task<Versioned<EvidenceDetails>> AddEvidenceAsync(
        string id, EvidenceRequest request, IGrainFactory grains, ClaimsPrincipal user, VersionCondition? expected)
    {
        var validation = new RequestValidation()
            .Required("criterionId", request.CriterionId)
            .Required("description", request.Description)
            .MaxLength("description", request.Description, 4000)
            .MaxLength("link", request.Link, 2000);
        if (request.Link is not null
            && !(Uri.TryCreate(request.Link, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)))
        {
            validation.Add("link", "'link' is an absolute http or https address.");
        }
        validation.ThrowIfInvalid();
        var application = await ReadableAsync(grains, id, user);
        user.EnsureActsForApplicant(application.OrganisationId);
        return await Application(grains, id).AddEvidenceAsync(
            new NewEvidence(request.CriterionId!, request.Description!.Trim(), request.Link, user.Actor()), expected);
    }

    /// <summary>One piece of evidence with its review, for whoever may read the application; tagged with the application's version.</summary>
    public static async Task<Ok<EvidenceDetails>> GetEvidence(string id, string evidenceId, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        var application = await ReadableAsync(grains, id, user);
        response.SetETag(application.ETag);
        return TypedResults.Ok(application.Evidence.FirstOrDefault(e => e.Id == evidenceId)
            ?? throw new NotFoundException($"Application '{id}' has no evidence '{evidenceId}'."));
    }

    /// <summary>Accepts or rejects a piece of evidence with a comment (a Champion of the awarding body); honours <c>If-Match</c>.</summary>
    public static async Task<Ok<EvidenceDetails>> ReviewEvidence(
        string id, string evidenceId, ReviewRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context) =>
        TypedResults.Ok(context.Response.Tagged(await ReviewEvidenceAsync(grains, user, id, evidenceId, request, context.Request.IfMatch())));

    /// <summary>Evidence reviewed by a Champion of the awarding body, for the API and the pages alike.</summary>
    internal static async Task<Versioned<EvidenceDetails>> ReviewEvidenceAsync(
        IGrainFactory grains, ClaimsPrincipal user, string id, string evidenceId, ReviewRequest request, VersionCondition? ifMatch)
    {
        new RequestValidation()
            .Required("accepted", request.Accepted)
            .Required("comment", request.Comment)
            .MaxLength("comment", request.Comment, 4000)
            .ThrowIfInvalid();
        var application = await ReadableAsync(grains, id, user);
        user.EnsureActsForAwardingBody(application.AwardingBodyId);
        return await Application(grains, id).ReviewEvidenceAsync(evidenceId, request.Accepted!.Value, request.Comment!.Trim(), user.Actor(), ifMatch);
    }

    private static async Task<TransitionOptions> GetTransitions(HttpContext context)
    {
        var (grains, id) = (context.RequestServices.GetRequiredService<IGrainFactory>(), RouteId(context));
        await ReadableAsync(grains, id, context.User);
        return await Application(grains, id).GetTransitionsAsync();
    }

    /// <summary>The diagram is of the application's workflow, so it is read under the application's own read check.</summary>
    private static async Task<string> GetDiagram(HttpContext context)
    {
        var (grains, id) = (context.RequestServices.GetRequiredService<IGrainFactory>(), RouteId(context));
        await ReadableAsync(grains, id, context.User);
        return await Application(grains, id).GetDiagramAsync();
    }

    internal static async Task<IResult> Fire(HttpContext context, TransitionRequest request)
    {
        var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
        var fired = await FireAsync(grains, context.User, RouteId(context), request, context.Request.IfMatch());
        context.Response.SetETag(fired.ETag);
        return TypedResults.Ok(fired.AsResponse());
    }

    /// <summary>A trigger fired by whoever the application's workflow lets fire it, for the API and the pages alike.</summary>
    internal static async Task<KiteMarkApplicationDetails> FireAsync(
        IGrainFactory grains, ClaimsPrincipal user, string id, TransitionRequest request, VersionCondition? ifMatch)
    {
        var application = await ReadableAsync(grains, id, user);
        user.EnsureMayFire(application, request.Trigger);
        return await Application(grains, id).FireAsync(request, ifMatch);
    }

    private static string RouteId(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    internal static async Task<KiteMarkApplicationDetails> ReadableAsync(IGrainFactory grains, string id, ClaimsPrincipal user)
    {
        var application = await Application(grains, id).GetAsync();
        user.EnsureCanRead(application);
        return application;
    }

    private static IKiteMarkApplicationIndexGrain Queue(IGrainFactory grains, ClaimsPrincipal user, string? awardingBodyId) =>
        grains.GetGrain<IKiteMarkApplicationIndexGrain>(user.QueueOf(awardingBodyId));

    private static IKiteMarkApplicationGrain Application(IGrainFactory grains, string id) =>
        Slug.IsValid(id) ? grains.GetGrain<IKiteMarkApplicationGrain>(id) : throw new NotFoundException($"There is no Kite Mark application '{id}'.");

    private static IKiteMarkSchemeGrain Scheme(IGrainFactory grains, string id) =>
        Slug.IsValid(id) ? grains.GetGrain<IKiteMarkSchemeGrain>(id) : throw new NotFoundException($"There is no Kite Mark scheme '{id}'.");

    private static async Task<KiteMarkSchemeDetails?> FindSchemeAsync(IKiteMarkSchemeGrain scheme)
    {
        try
        {
            return await scheme.GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static async Task<KiteMarkSchemeDefinition> AsDefinitionAsync(this SchemeRequest request, string id, IGrainFactory grains)
    {
        IReadOnlyList<KiteMarkThemeDefinition>? themes = request.Themes?.Select(t => new KiteMarkThemeDefinition(
            t.Id ?? "", t.Name ?? "", [.. (t.Criteria ?? []).Select(c => new KiteMarkCriterionDefinition(
                c.Id ?? "", c.Text ?? "", c.MentalHealth ?? false, c.MustDo ?? false, c.Part))])).ToList();
        var validity = request.Validity;
        if (request.CopyFrom is { } copyFrom)
        {
            var source = await FindSchemeAsync(grains.GetGrain<IKiteMarkSchemeGrain>(copyFrom))
                ?? throw new ValidationException("copyFrom", $"There is no Kite Mark scheme '{copyFrom}'.");
            themes ??= source.Scheme.Themes;
            validity ??= source.Scheme.Validity;
        }
        var validation = new RequestValidation()
            .Required("validity", validity);
        if (themes is null)
        {
            validation.Add("themes", "Give 'themes', or 'copyFrom' a scheme to start from.");
        }
        var criterionIds = (themes ?? []).SelectMany(t => t.Criteria).Select(c => c.Id).ToHashSet();
        foreach (var unknown in (request.MustDos ?? []).Where(m => !criterionIds.Contains(m)))
        {
            validation.Add("mustDos", $"The scheme has no criterion '{unknown}'.");
        }
        validation.ThrowIfInvalid();
        if (request.MustDos is { } mustDos)
        {
            themes = [.. themes!.Select(t => t with { Criteria = [.. t.Criteria.Select(c => c with { MustDo = mustDos.Contains(c.Id) })] })];
        }
        return new KiteMarkSchemeDefinition(id, request.Name!.Trim(), themes!, validity!.Trim(),
            request.CopyFrom is null ? null : $"Copied from '{request.CopyFrom}'.");
    }

    private static SchemeResponse AsResponse(this KiteMarkSchemeDetails details) =>
        new(details.Scheme.Id, details.Scheme.Name, details.ReadOnly, details.AwardingBodyId,
            [.. details.Scheme.Themes.Select(t => new SchemeThemeResponse(t.Id, t.Name,
                [.. t.Criteria.Select(c => new SchemeCriterionResponse(c.Id, c.Text, c.MentalHealth, c.MustDo, c.Part, c.Note))]))],
            details.Scheme.Validity, details.Scheme.Note);

    private static ApplicationResponse AsResponse(this KiteMarkApplicationDetails a)
    {
        var history = WorkflowApi.TransitionRecordResponse<KiteMarkState, KiteMarkTrigger>.FromHistory(a.History);
        return new(a.Id, a.OrganisationId, a.OrganisationName, a.AwardingBodyId, a.SchemeId, a.SchemeName, a.Validity, a.ConsentToPublish,
            a.State, a.Evidence, a.Coverage, a.MustDos, a.CreatedAt, a.UpdatedAt, a.AwardedOn, a.ValidUntil, history.Entries, history.Unrecognised);
    }

    public sealed record SchemeRequest(
        [Required] string? Name,
        string? AwardingBodyId,
        string? CopyFrom,
        IReadOnlyList<SchemeThemeRequest>? Themes,
        IReadOnlyList<string>? MustDos,
        string? Validity);

    public sealed record SchemeThemeRequest(string? Id, string? Name, IReadOnlyList<SchemeCriterionRequest>? Criteria);

    public sealed record SchemeCriterionRequest(string? Id, string? Text, bool? MentalHealth, bool? MustDo, string? Part);

    public sealed record NominationRequest(string? NominatedBy);

    public sealed record CreateApplicationRequest(
        string? Id, [Required] string? OrganisationId, [Required] string? AwardingBodyId, string? SchemeId, [Required] bool? ConsentToPublish);

    public sealed record ConsentRequest([Required] bool? ConsentToPublish);

    public sealed record EvidenceRequest([Required] string? CriterionId, [Required] string? Description, string? Link);

    public sealed record ReviewRequest([Required] bool? Accepted, [Required] string? Comment);

    public sealed record EvidenceCreatedResponse(string Id);

    /// <summary>The body of <c>POST /api/kitemark/applications/{id}/transitions</c> as the document describes it.</summary>
    /// <param name="Trigger">The transition to fire; <c>Expire</c> is the scheduler's.</param>
    /// <param name="Reason">Why; <c>Reject</c>, <c>Revoke</c> and <c>RecordChange</c> need one.</param>
    /// <param name="WithdrawnEvidence">For <c>RecordChange</c>: the ids of the evidence the change takes away.</param>
    public sealed record ApplicationTransitionRequest(KiteMarkTrigger Trigger, string? Reason, IReadOnlyList<string>? WithdrawnEvidence);

    public sealed record HolderResponse(
        string OrganisationId, string OrganisationName, string ApplicationId, string AwardingBodyId, DateTimeOffset AwardedOn, DateTimeOffset ValidUntil);

    public sealed record SchemeResponse(
        string Id, string Name, bool ReadOnly, string? AwardingBodyId, IReadOnlyList<SchemeThemeResponse> Themes, string Validity, string? Note);

    public sealed record SchemeThemeResponse(string Id, string Name, IReadOnlyList<SchemeCriterionResponse> Criteria);

    public sealed record SchemeCriterionResponse(string Id, string Text, bool MentalHealth, bool MustDo, string? Part, string? Note);

    public sealed record ApplicationResponse(
        string Id,
        string OrganisationId,
        string OrganisationName,
        string AwardingBodyId,
        string SchemeId,
        string SchemeName,
        string Validity,
        bool ConsentToPublish,
        KiteMarkState State,
        IReadOnlyList<EvidenceDetails> Evidence,
        IReadOnlyList<ThemeCoverage> Coverage,
        IReadOnlyList<MustDoStatus> MustDos,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? AwardedOn,
        DateTimeOffset? ValidUntil,
        IReadOnlyList<WorkflowApi.TransitionRecordResponse<KiteMarkState, KiteMarkTrigger>> History,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description(TypedHistory.UnrecognisedDescription)]
        IReadOnlyList<TransitionRecord>? UnrecognisedHistory);
}
