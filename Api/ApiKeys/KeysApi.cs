using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Errors;
using SocialValue.Ids;
using SocialValue.Keys;
using SocialValue.Organisations;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace SocialValue.Api.ApiKeys;

public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Policies.Admin);
        api.MapPost("/", CreateKey);
        api.MapGet("/{id}", GetKey);
        api.MapDelete("/{id}", RevokeKey);
        return api;
    }

    /// <summary>Issues a key; the key itself is in this response only, the service keeps its hash.</summary>
    public static async Task<Created<CreatedKeyResponse>> CreateKey(CreateKeyRequest request, IGrainFactory grains)
    {
        var validation = new RequestValidation()
            .Required("name", request.Name)
            .MaxLength("name", request.Name, 200)
            .Required("role", request.Role)
            .OptionalSlug("organisationId", request.OrganisationId);
        if (request.Role is not null and not Role.Admin && request.OrganisationId is null)
        {
            validation.Add("organisationId", $"A {request.Role} key belongs to an organisation: 'organisationId' is required.");
        }
        validation.ThrowIfInvalid();
        if (request.OrganisationId is { } organisationId)
        {
            await grains.GetGrain<IOrganisationGrain>(organisationId).GetAsync();
        }

        var (id, key, hash) = ApiKeyFormat.Issue();
        var created = await grains.GetGrain<IApiKeyGrain>(id)
            .CreateAsync(new NewApiKey(request.Name!, request.Role!.Value, request.OrganisationId, hash));
        return TypedResults.Created($"/api/keys/{id}", new CreatedKeyResponse(id, key, created.Name, created.Role, created.OrganisationId));
    }

    /// <summary>Who holds a key and whether it is revoked; never the key itself, which only its creation showed.</summary>
    public static async Task<Ok<ApiKeyDetails>> GetKey(string id, IGrainFactory grains) =>
        TypedResults.Ok(await Key(grains, id).GetAsync());

    /// <summary>Revokes a key; requests with it are 401 from then on.</summary>
    public static async Task<NoContent> RevokeKey(string id, IGrainFactory grains)
    {
        await Key(grains, id).RevokeAsync();
        return TypedResults.NoContent();
    }

    private static IApiKeyGrain Key(IGrainFactory grains, string id) =>
        Slug.IsValid(id) ? grains.GetGrain<IApiKeyGrain>(id) : throw new NotFoundException($"There is no API key '{id}'.");

    public sealed record CreateKeyRequest([Required] string? Name, [Required] Role? Role, string? OrganisationId);

    public sealed record CreatedKeyResponse(string Id, string Key, string Name, Role Role, string? OrganisationId);
}
