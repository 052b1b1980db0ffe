namespace SocialValue.Silo.Storage;

/// <summary>Durable grain state: one record per (grain type, key, state name), guarded by an ETag.</summary>
public interface IGrainStorage
{
    /// <summary>Creates the schema when it is missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The stored record, or null when none was ever written.</summary>
    Task<StoredState?> ReadAsync(StateAddress address, CancellationToken cancellationToken = default);

    /// <summary>Writes when the stored ETag is <paramref name="etag"/> (null: nothing stored yet); returns the new ETag.</summary>
    Task<string> WriteAsync(StateAddress address, string payload, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Clears the payload when the stored ETag is <paramref name="etag"/>; returns the new ETag.</summary>
    Task<string?> ClearAsync(StateAddress address, string? etag, CancellationToken cancellationToken = default);
}

/// <summary>Where a grain state is stored.</summary>
public readonly record struct StateAddress(string GrainType, string Key, string StateName)
{
    public override string ToString() => $"{GrainType}/{Key}/{StateName}";
}

/// <summary>A stored record: its ETag and its JSON payload (null once cleared).</summary>
public sealed record StoredState(string ETag, string? Payload);
