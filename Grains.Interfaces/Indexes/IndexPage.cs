namespace SocialValue.Indexes;

/// <summary>
/// An entry's place in an index: its sort key (compared ignoring case), then its id (compared ordinally). A page ends
/// at the position of its last entry, and the next page starts after that position, so entries added, renamed or
/// removed meanwhile neither repeat nor skip the entries that stayed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndexPosition(string SortKey, string Id) : IComparable<IndexPosition>
{
    public int CompareTo(IndexPosition? other)
    {
        if (other is null)
        {
            return 1;
        }
        var bySortKey = string.Compare(SortKey, other.SortKey, StringComparison.OrdinalIgnoreCase);
        return bySortKey != 0 ? bySortKey : string.CompareOrdinal(Id, other.Id);
    }
}

/// <summary>One page of an index, in order, and where the next page starts; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable]
public sealed record IndexPage<T>(IReadOnlyList<T> Items, IndexPosition? Next);

/// <summary>The bounds of a page, and reading a whole index page by page for callers that need all of it.</summary>
public static class IndexPaging
{
    /// <summary>The most entries one page holds; a larger limit is read as this.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Every entry, read <see cref="MaxLimit"/> at a time through <paramref name="list"/>.</summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<IndexPosition?, int, Task<IndexPage<T>>> list)
    {
        var all = new List<T>();
        IndexPosition? after = null;
        do
        {
            var page = await list(after, MaxLimit);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return all;
    }
}
