using Orleans.Runtime;

namespace SocialValue.Indexes;

/// <summary>The state of an index grain: one summary per id.</summary>
[GenerateSerializer]
public sealed class IndexState<TSummary>
{
    [Id(0)]
    public Dictionary<string, TSummary> Entries { get; set; } = [];
}

/// <summary>
/// Base of the index grains that answer cross-grain queries (every organisation, an organisation's contracts …):
/// the grains that change keep their summary here; a summary that did not change costs no write.
/// </summary>
public abstract class IndexGrain<TSummary>(IPersistentState<IndexState<TSummary>> index) : KeyedGrain
    where TSummary : class
{
    protected IEnumerable<TSummary> Entries => index.State.Entries.Values;

    protected async Task UpsertAsync(string id, TSummary summary)
    {
        if (index.State.Entries.TryGetValue(id, out var existing) && existing.Equals(summary))
        {
            return;
        }
        index.State.Entries[id] = summary;
        await index.WriteStateAsync();
    }
}
