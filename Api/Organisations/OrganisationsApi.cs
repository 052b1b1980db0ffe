using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Organisations;
using SocialValue.Versions;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.Organisations;

public static class OrganisationsApi
{
    private const int MaxGeneratedIdAttempts = 3;

    public static RouteGroupBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization();
        api.MapPost("/", CreateOrganisation).RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListOrganisations);
        api.MapGet("/{id}", GetOrganisation);
        api.MapPut("/{id}", UpdateOrganisation);
        api.MapPut("/{id}/framework", AdoptFramework);
        return api;
    }

    /// <summary>Registers an organisation (Admin); the id is the client's, else made from the name.</summary>
    public static async Task<Created<OrganisationResponse>> CreateOrganisation(
        OrganisationRequest request, IGrainFactory grains, HttpResponse response)
    {
        var created = await CreateAsync(grains, request);
        response.SetETag(created.ETag);
        return TypedResults.Created($"/api/organisations/{created.Id}", created.AsResponse());
    }

    /// <summary>Validates and registers an organisation (the caller checked it is Admin); shared with the administrator's pages.</summary>
    public static async Task<OrganisationDetails> CreateAsync(IGrainFactory grains, OrganisationRequest request)
    {
        var profile = request.Validate(requireValidId: true);
        var id = request.Id ?? Slug.From(profile.Name);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<IOrganisationGrain>(id).CreateAsync(profile);
            }
            catch (ConflictException) when (request.Id is null && attempt < MaxGeneratedIdAttempts)
            {
                id = Slug.WithSuffix(Slug.From(profile.Name));
            }
        }
    }

    /// <summary>Admin sees every organisation, by name, a page at a time; other keys see their own.</summary>
    public static async Task<Ok<IReadOnlyList<OrganisationSummaryResponse>>> ListOrganisations(
        [AsParameters] PageQuery page, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var (after, limit) = page.Read();
        var index = grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All);
        if (!user.IsAdmin())
        {
            var own = user.OrganisationId() is { } id ? await index.FindAsync(id) : null;
            return TypedResults.Ok<IReadOnlyList<OrganisationSummaryResponse>>(own is null ? [] : [own.AsResponse()]);
        }
        return TypedResults.Ok(context.Respond(await index.ListAsync(after, limit), o => o.AsResponse()));
    }

    /// <summary>An organisation with its adopted framework.</summary>
    public static async Task<Ok<OrganisationResponse>> GetOrganisation(
        string id, IGrainFactory grains, ClaimsPrincipal user, HttpResponse response)
    {
        EnsureExists(id);
        user.EnsureCanRead(id);
        var organisation = await grains.GetGrain<IOrganisationGrain>(id).GetAsync();
        response.SetETag(organisation.ETag);
        return TypedResults.Ok(organisation.AsResponse());
    }

    /// <summary>Replaces name, type and place; honours <c>If-Match</c>.</summary>
    public static async Task<Ok<OrganisationResponse>> UpdateOrganisation(
        string id, OrganisationRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var updated = await UpdateAsync(grains, user, id, request, context.Request.IfMatch());
        context.Response.SetETag(updated.ETag);
        return TypedResults.Ok(updated.AsResponse());
    }

    /// <summary>Checks the user may change the organisation, validates and replaces its profile; shared with the pages.</summary>
    public static async Task<OrganisationDetails> UpdateAsync(
        IGrainFactory grains, ClaimsPrincipal user, string id, OrganisationRequest request, VersionCondition? expected)
    {
        EnsureExists(id);
        user.EnsureCanWrite(id);
        var profile = request.Validate(requireValidId: false);
        if (request.Id is not null && request.Id != id)
        {
            throw new ValidationException("id", "The id in the body differs from the id in the route.");
        }
        return await grains.GetGrain<IOrganisationGrain>(id).UpdateAsync(profile, expected);
    }

    /// <summary>Adopts a TOMs framework (Admin, or an Officer of the organisation); honours <c>If-Match</c>.</summary>
    public static async Task<Ok<OrganisationResponse>> AdoptFramework(
        string id, AdoptFrameworkRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        EnsureExists(id);
        user.EnsureCanWrite(id);
        new RequestValidation().Required("frameworkId", request.FrameworkId).OptionalSlug("frameworkId", request.FrameworkId).ThrowIfInvalid();
        var adopted = await grains.GetGrain<IOrganisationGrain>(id).AdoptFrameworkAsync(request.FrameworkId!, context.Request.IfMatch());
        context.Response.SetETag(adopted.ETag);
        return TypedResults.Ok(adopted.AsResponse());
    }

    private static void EnsureExists(string id)
    {
        if (!Slug.IsValid(id))
        {
            throw new NotFoundException($"There is no organisation '{id}'.");
        }
    }

    private static OrganisationProfile Validate(this OrganisationRequest request, bool requireValidId)
    {
        var validation = new RequestValidation()
            .Required("name", request.Name)
            .MaxLength("name", request.Name, 200)
            .Required("type", request.Type)
            .Required("place", request.Place)
            .MaxLength("place", request.Place, 200);
        if (requireValidId)
        {
            validation.OptionalSlug("id", request.Id);
        }
        validation.ThrowIfInvalid();
        return new OrganisationProfile(request.Name!.Trim(), request.Type!.Value, request.Place!.Trim());
    }

    private static OrganisationResponse AsResponse(this OrganisationDetails o) =>
        new(o.Id, o.Name, o.Type, o.Place, o.CreatedAt, o.UpdatedAt, o.FrameworkId);

    private static OrganisationSummaryResponse AsResponse(this OrganisationSummary o) => new(o.Id, o.Name, o.Type, o.Place);

    public sealed record OrganisationRequest(string? Id, [Required] string? Name, [Required] OrganisationType? Type, [Required] string? Place);

    public sealed record OrganisationResponse(
        string Id, string Name, OrganisationType Type, string Place, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? FrameworkId);

    public sealed record AdoptFrameworkRequest([Required] string? FrameworkId);

    public sealed record OrganisationSummaryResponse(string Id, string Name, OrganisationType Type, string Place);
}
