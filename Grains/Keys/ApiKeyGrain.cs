using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Errors;
using SocialValue.Versions;

namespace SocialValue.Keys;

public sealed class ApiKeyGrain([PersistentState("api-key", "store")] IPersistentState<ApiKeyState> key, [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : KeyedGrain, IApiKeyGrain
{
    public async Task<ApiKeyDetails> CreateAsync(NewApiKey newKey)
    {
        if (key.RecordExists)
        {
            throw new ConflictException($"API key '{Key}' exists already.");
        }
        key.State = new ApiKeyState
        {
            Name = newKey.Name,
            Role = newKey.Role,
            OrganisationId = newKey.OrganisationId,
            SecretHash = newKey.SecretHash,
            CreatedAt = time.GetUtcNow(),
        };
        await key.WriteStateAsync();
        return Details();
    }

    public Task<ApiKeyDetails?> VerifyAsync(string secretHash)
    {
        LeaveIfUnknown();
        var matches = key.RecordExists
            && key.State.RevokedAt is null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(secretHash), Encoding.ASCII.GetBytes(key.State.SecretHash));
        return Task.FromResult(matches ? Details() : null);
    }

    public Task<ApiKeyDetails> GetAsync() =>
        key.RecordExists ? Task.FromResult(Details()) : throw new NotFoundException($"There is no API key '{Key}'.");

    public Task<bool> IsActiveAsync()
    {
        LeaveIfUnknown();
        return Task.FromResult(key.RecordExists && key.State.RevokedAt is null);
    }

    public Task<bool> ExistsAsync() => Task.FromResult(key.RecordExists);

    public async Task<ApiKeyDetails> RevokeAsync(VersionCondition? expected)
    {
        if (!key.RecordExists)
        {
            throw new NotFoundException($"There is no API key '{Key}'.");
        }
        VersionCondition.Check(expected, key.Etag);
        if (key.State.RevokedAt is null)
        {
            key.State.RevokedAt = time.GetUtcNow();
            await key.WriteStateAsync();
        }
        return Details();
    }

    /// <summary>
    /// Anyone can name a key id, so an id that names no key must not keep an activation: it leaves once this call
    /// returns, and ten thousand guesses cost ten thousand storage reads but no memory.
    /// </summary>
    private void LeaveIfUnknown()
    {
        if (!key.RecordExists)
        {
            DeactivateOnIdle();
        }
    }

    private ApiKeyDetails Details() =>
        new(Key, key.State.Name, key.State.Role, key.State.OrganisationId, key.State.CreatedAt, key.State.RevokedAt is not null, key.Etag!);
}
