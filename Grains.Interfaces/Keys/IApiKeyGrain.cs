
namespace SocialValue.Keys;

/// <summary>An issued API key, keyed by its public id; only a hash of its secret is kept.</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key; <see cref="Errors.ConflictException"/> when the id exists.</summary>
    Task<ApiKeyDetails> CreateAsync(NewApiKey key);

    /// <summary>The key's holder when <paramref name="secretHash"/> matches and the key is not revoked, else null.</summary>
    Task<ApiKeyDetails?> VerifyAsync(string secretHash);

    /// <summary>Who holds the key and whether it is revoked (never its secret); 404 when it was never created.</summary>
    Task<ApiKeyDetails> GetAsync();

    /// <summary>Whether the key was created and is not revoked: a session signed in with it stays valid only while it is.</summary>
    Task<bool> IsActiveAsync();

    /// <summary>Whether the key was ever created (revoked or not).</summary>
    Task<bool> ExistsAsync();

    /// <summary>
    /// Revokes the key when <paramref name="expected"/> is null or admits its version, and answers with its new version;
    /// <see cref="Errors.NotFoundException"/> when it was never created.
    /// </summary>
    Task<ApiKeyDetails> RevokeAsync(Versions.VersionCondition? expected);
}

/// <summary>What is stored for a new key: the SHA-256 of its secret, never the secret.</summary>
[GenerateSerializer]
public sealed record NewApiKey(string Name, Role Role, string? OrganisationId, string SecretHash);

/// <summary>Who holds a key.</summary>
[GenerateSerializer]
public sealed record ApiKeyDetails(string Id, string Name, Role Role, string? OrganisationId, DateTimeOffset CreatedAt, bool Revoked, string ETag);
