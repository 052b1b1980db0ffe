namespace SocialValue.Indexes;

/// <summary>
/// The entries of an index in memory, by id and in order of their <see cref="IndexPosition"/>. A change costs a binary
/// search and a shift of the list behind it; a page costs a binary search and the entries it returns.
/// </summary>
public sealed class SortedIndex<T>(Func<T, IndexPosition> positionOf) where T : class
{
    private static readonly IComparer<Slot> ByPosition = Comparer<Slot>.Create((a, b) => a.Position.CompareTo(b.Position));

    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
    private readonly List<Slot> _inOrder = [];

    public int Count => _byId.Count;

    public IEnumerable<T> Entries => _byId.Values;

    public T? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Whether the index holds an entry equal to <paramref name="entry"/>.</summary>
    public bool Holds(T entry) =>
        _byId.TryGetValue(positionOf(entry).Id, out var existing) && EqualityComparer<T>.Default.Equals(existing, entry);

    /// <summary>Adds or replaces the entry with its id.</summary>
    public void Set(T entry)
    {
        var slot = new Slot(positionOf(entry), entry);
        Remove(slot.Position.Id);
        _byId[slot.Position.Id] = entry;
        _inOrder.Insert(~_inOrder.BinarySearch(slot, ByPosition), slot);
    }

    /// <summary>Removes the entry with <paramref name="id"/>; false when there is none.</summary>
    public bool Remove(string id)
    {
        if (!_byId.Remove(id, out var existing))
        {
            return false;
        }
        _inOrder.RemoveAt(_inOrder.BinarySearch(new Slot(positionOf(existing), existing), ByPosition));
        return true;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> entries after <paramref name="after"/> (from the first when null) that satisfy
    /// <paramref name="where"/>, and the position to continue from when more such entries follow.
    /// </summary>
    public IndexPage<T> Page(IndexPosition? after, int limit, Func<T, bool>? where = null)
    {
        var items = new List<T>(Math.Min(limit, _inOrder.Count));
        var start = after is null ? 0 : StartAfter(after);
        for (var i = start; i < _inOrder.Count; i++)
        {
            var entry = _inOrder[i].Entry;
            if (where is not null && !where(entry))
            {
                continue;
            }
            if (items.Count == limit)
            {
                return new IndexPage<T>(items, positionOf(items[^1]));
            }
            items.Add(entry);
        }
        return new IndexPage<T>(items, null);
    }

    // The first slot after the position, whether an entry is still there or not.
    private int StartAfter(IndexPosition after)
    {
        var found = _inOrder.BinarySearch(new Slot(after, null!), ByPosition);
        return found >= 0 ? found + 1 : ~found;
    }

    private readonly record struct Slot(IndexPosition Position, T Entry);
}
