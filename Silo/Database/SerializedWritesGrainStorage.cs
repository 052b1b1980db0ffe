using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace SocialValue.Silo.Database;

/// <summary>
/// Orleans' ADO.NET grain storage with its writes and clears taken through the Silo's <see cref="SqliteWriteQueue"/>,
/// for a SQLite database. Version checks are the inner storage's, so a stale write still throws
/// <see cref="InconsistentStateException"/>.
/// </summary>
internal sealed class SerializedWritesGrainStorage(AdoNetGrainStorage inner, SqliteWriteQueue writes) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => inner.Participate(lifecycle);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        writes.RunAsync(() => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        writes.RunAsync(() => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);
}
