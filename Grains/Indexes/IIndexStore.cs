namespace SocialValue.Indexes;

/// <summary>
/// Where index grains keep their entries: one row per entry, named by the index, its scope (the grain's key) and the
/// entry's id, so a change writes one small row whatever the size of the index. Entries are stored as plain JSON.
/// Each scope has one writer, the activation of the grain that keeps it.
/// </summary>
public interface IIndexStore
{
    /// <summary>Every entry of <paramref name="index"/> in <paramref name="scope"/>, in no particular order.</summary>
    Task<IReadOnlyList<T>> LoadAsync<T>(string index, string scope);

    /// <summary>Adds the entry <paramref name="id"/>, or replaces it.</summary>
    Task UpsertAsync<T>(string index, string scope, string id, T entry);

    /// <summary>Removes the entry <paramref name="id"/>; nothing when there is none.</summary>
    Task DeleteAsync(string index, string scope, string id);
}
