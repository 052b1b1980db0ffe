using System.Text.Json;
using SocialValue.Runtime;
using SocialValue.Silo.Storage;

namespace SocialValue.Silo.Runtime;

/// <summary>A state the runtime reads when it activates the grain.</summary>
internal interface IStorageBackedState
{
    Task ReadStateAsync();
}

internal sealed class PersistentState<TState>(StateAddress address, IGrainStorage storage, JsonSerializerOptions json)
    : IPersistentState<TState>, IStorageBackedState
    where TState : class, new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync()
    {
        var stored = await storage.ReadAsync(address);
        ETag = stored?.ETag;
        RecordExists = stored?.Payload is not null;
        State = stored?.Payload is { } payload
            ? JsonSerializer.Deserialize<TState>(payload, json) ?? new TState()
            : new TState();
    }

    public async Task WriteStateAsync()
    {
        ETag = await storage.WriteAsync(address, JsonSerializer.Serialize(State, json), ETag);
        RecordExists = true;
    }

    public async Task ClearStateAsync()
    {
        ETag = await storage.ClearAsync(address, ETag);
        RecordExists = false;
        State = new TState();
    }
}
