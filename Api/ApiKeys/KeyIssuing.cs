using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Keys;
using SocialValue.Organisations;

namespace SocialValue.Api.ApiKeys;

/// <summary>A key newly issued: its details and the secret, which is shown this once and never kept.</summary>
public sealed record IssuedKey(ApiKeyDetails Details, string Key);

/// <summary>Issuing a key, shared by the REST API and the administrator's pages: one validation, one grain call.</summary>
public static class KeyIssuing
{
    /// <summary>Validates the holder (422 naming the field), checks the organisation exists (404) and issues the key.</summary>
    public static async Task<IssuedKey> IssueAsync(IGrainFactory grains, string? name, Role? role, string? organisationId)
    {
        var validation = new RequestValidation()
            .Required("name", name)
            .MaxLength("name", name, 200)
            .Required("role", role)
            .OptionalSlug("organisationId", organisationId);
        if (role is not null and not Role.Admin && organisationId is null)
        {
            validation.Add("organisationId", $"A {role} key belongs to an organisation: 'organisationId' is required.");
        }
        validation.ThrowIfInvalid();
        if (organisationId is not null)
        {
            await grains.GetGrain<IOrganisationGrain>(organisationId).GetAsync();
        }

        var (id, key, hash) = ApiKeyFormat.Issue();
        var created = await grains.GetGrain<IApiKeyGrain>(id).CreateAsync(new NewApiKey(name!, role!.Value, organisationId, hash));
        return new IssuedKey(created, key);
    }
}
