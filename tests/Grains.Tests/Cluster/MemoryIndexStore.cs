using System.Collections.Concurrent;
using System.Text.Json;
using SocialValue.Indexes;

namespace SocialValue.Grains.Tests.Cluster;

/// <summary>The index store in memory, for the test cluster (its grain storage is in memory too); entries round-trip through JSON as stored ones do.</summary>
public sealed class MemoryIndexStore : IIndexStore
{
    private readonly ConcurrentDictionary<(string Index, string Scope), ConcurrentDictionary<string, string>> _scopes = new();

    public Task<IReadOnlyList<T>> LoadAsync<T>(string index, string scope) =>
        Task.FromResult<IReadOnlyList<T>>([.. Scope(index, scope).Values.Select(json => JsonSerializer.Deserialize<T>(json)!)]);

    public Task UpsertAsync<T>(string index, string scope, string id, T entry)
    {
        Scope(index, scope)[id] = JsonSerializer.Serialize(entry);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string index, string scope, string id)
    {
        Scope(index, scope).TryRemove(id, out _);
        return Task.CompletedTask;
    }

    private ConcurrentDictionary<string, string> Scope(string index, string scope) => _scopes.GetOrAdd((index, scope), _ => new());
}
