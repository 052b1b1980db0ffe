using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace SocialValue.Silo.Database;

/// <summary>
/// Orleans' ADO.NET grain storage with its writes and clears taken one at a time, for a SQLite database.
/// SQLite lets one writer in at a time and Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before
/// retrying, so concurrent grain writes to one file would queue in the driver at 150 ms a step; queueing them here
/// costs only the writes ahead. Reads stay concurrent (the file is in WAL mode). Version checks are the inner
/// storage's, so a stale write still throws <see cref="InconsistentStateException"/>.
/// </summary>
internal sealed class SerializedWritesGrainStorage(AdoNetGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public void Participate(ISiloLifecycle lifecycle) => inner.Participate(lifecycle);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);

    private async Task OneAtATimeAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            _writer.Release();
        }
    }
}
