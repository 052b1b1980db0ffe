namespace SocialValue.Runtime;

/// <summary>The durable state of one grain, read on activation and written with an optimistic ETag check.</summary>
public interface IPersistentState<TState> where TState : class, new()
{
    /// <summary>The in-memory state; changes are durable once <see cref="WriteStateAsync"/> returns.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null before the first write.</summary>
    string? ETag { get; }

    /// <summary>Whether a record is stored for this grain.</summary>
    bool RecordExists { get; }

    /// <summary>Replaces <see cref="State"/> with what is stored.</summary>
    Task ReadStateAsync();

    /// <summary>Stores <see cref="State"/>; throws <see cref="InconsistentStateException"/> when the stored ETag moved on.</summary>
    Task WriteStateAsync();

    /// <summary>Removes the stored record and resets <see cref="State"/>; also ETag-checked.</summary>
    Task ClearStateAsync();
}
