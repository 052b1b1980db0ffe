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
    public static async Task<Created<CreatedKeyResponse>> CreateKey(CreateKeyRequest request, IGrainFactory grains, HttpResponse response)
    {
        var (created, key) = await KeyIssuing.IssueAsync(grains, request.Name, request.Role, request.OrganisationId);
        response.SetETag(created.ETag);
        return TypedResults.Created($"/api/keys/{created.Id}", new CreatedKeyResponse(created.Id, key, created.Name, created.Role, created.OrganisationId));
    }

    /// <summary>Who holds a key and whether it is revoked; never the key itself, which only its creation showed.</summary>
    public static async Task<Ok<KeyResponse>> GetKey(string id, IGrainFactory grains, HttpResponse response)
    {
        var key = await Key(grains, id).GetAsync();
        response.SetETag(key.ETag);
        return TypedResults.Ok(key.AsResponse());
    }

    /// <summary>Revokes a key; requests with it are 401 from then on. Honours <c>If-Match</c>.</summary>
    public static async Task<NoContent> RevokeKey(string id, IGrainFactory grains, HttpContext context)
    {
        var revoked = await Key(grains, id).RevokeAsync(context.Request.IfMatch());
        context.Response.SetETag(revoked.ETag);
        return TypedResults.NoContent();
    }

    /// <summary>The key of the id, 404 for an id no key can have.</summary>
    public static IApiKeyGrain Key(IGrainFactory grains, string id) =>
        Slug.IsValid(id) ? grains.GetGrain<IApiKeyGrain>(id) : throw new NotFoundException($"There is no API key '{id}'.");

    private static KeyResponse AsResponse(this ApiKeyDetails k) => new(k.Id, k.Name, k.Role, k.OrganisationId, k.CreatedAt, k.Revoked);

    public sealed record CreateKeyRequest([Required] string? Name, [Required] Role? Role, string? OrganisationId);

    public sealed record KeyResponse(string Id, string Name, Role Role, string? OrganisationId, DateTimeOffset CreatedAt, bool Revoked);

    public sealed record CreatedKeyResponse(string Id, string Key, string Name, Role Role, string? OrganisationId);
}
