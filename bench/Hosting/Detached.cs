using SocialValue.Runtime;

namespace SocialValue.Bench.Hosting;

/// <summary>What a grain class needs to be constructed and called directly, with no runtime and no storage.</summary>
public static class Detached
{
    public static TGrain Create<TGrain, TState>(Func<IGrainContext, IPersistentState<TState>, TGrain> create, string key)
        where TState : class, new() =>
        create(new DetachedContext(key), new InMemoryState<TState>());

    private sealed class DetachedContext(string key) : IGrainContext
    {
        public string Key => key;

        public IGrainFactory GrainFactory => throw new NotSupportedException("A detached grain has no runtime.");

        public TimeProvider Time => TimeProvider.System;

        public Task RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan? period = null) =>
            throw new NotSupportedException("A detached grain has no scheduler.");

        public Task UnregisterReminderAsync(string reminderName) =>
            throw new NotSupportedException("A detached grain has no scheduler.");
    }

    private sealed class InMemoryState<TState> : IPersistentState<TState> where TState : class, new()
    {
        public TState State { get; set; } = new();

        public string? ETag => null;

        public bool RecordExists => false;

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task WriteStateAsync() => throw new NotSupportedException("A detached grain has no storage.");

        public Task ClearStateAsync() => throw new NotSupportedException("A detached grain has no storage.");
    }
}
