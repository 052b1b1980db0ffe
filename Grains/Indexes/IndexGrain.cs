namespace SocialValue.Indexes;

/// <summary>
/// Base of the index grains that answer cross-grain queries (every organisation, an organisation's contracts …). The
/// grain keeps its scope's entries sorted in memory, loaded once when it activates; a change writes that one entry's
/// row in <see cref="IIndexStore"/> and then updates memory, and an entry that did not change costs no write. Pages
/// are read from memory, so a read costs the page it returns whatever the size of the index.
/// </summary>
public abstract class IndexGrain<TEntry>(IIndexStore store, string indexName) : KeyedGrain
    where TEntry : class
{
    private SortedIndex<TEntry> _entries = null!;

    /// <summary>Where an entry sorts; its <see cref="IndexPosition.Id"/> identifies the entry.</summary>
    protected abstract IndexPosition PositionOf(TEntry entry);

    /// <summary>Entries listed with the stored ones that are not stored (a shipped template …).</summary>
    protected virtual IEnumerable<TEntry> Shipped => [];

    protected SortedIndex<TEntry> Entries => _entries;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _entries = new SortedIndex<TEntry>(PositionOf);
        foreach (var entry in Shipped.Concat(await store.LoadAsync<TEntry>(indexName, Key)))
        {
            _entries.Set(entry);
        }
    }

    /// <summary>Adds or replaces the entry's row; nothing when an equal entry is stored already.</summary>
    protected async Task WriteEntryAsync(TEntry entry)
    {
        if (_entries.Holds(entry))
        {
            return;
        }
        await store.UpsertAsync(indexName, Key, PositionOf(entry).Id, entry);
        _entries.Set(entry);
    }

    /// <summary>Removes the entry's row; nothing when there is none.</summary>
    protected async Task DeleteEntryAsync(string id)
    {
        if (_entries.Find(id) is null)
        {
            return;
        }
        await store.DeleteAsync(indexName, Key, id);
        _entries.Remove(id);
    }

    /// <summary>A page of at most <see cref="IndexPaging.MaxLimit"/> entries after <paramref name="after"/>.</summary>
    protected Task<IndexPage<TEntry>> PageAsync(IndexPosition? after, int limit, Func<TEntry, bool>? where = null) =>
        Task.FromResult(_entries.Page(after, Math.Clamp(limit, 1, IndexPaging.MaxLimit), where));
}
