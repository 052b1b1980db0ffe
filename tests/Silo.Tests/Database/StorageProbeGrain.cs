using Orleans;
using Orleans.Runtime;

namespace SocialValue.Silo.Tests.Database;

public interface IStorageProbeGrain : IGrainWithStringKey
{
    Task<ProbeState> GetAsync();

    Task SetAsync(string text, ProbeKind kind);

    Task ClearAsync();
}

[GenerateSerializer]
public enum ProbeKind
{
    Draft,
    Approved,
}

[GenerateSerializer, Immutable]
public sealed record ProbeState
{
    [Id(0)]
    public string Text { get; init; } = "";

    [Id(1)]
    public ProbeKind Kind { get; init; }

    [Id(2)]
    public int Writes { get; init; }
}

public sealed class StorageProbeGrain([PersistentState("probe", "store")] IPersistentState<ProbeState> state) : Grain, IStorageProbeGrain
{
    public Task<ProbeState> GetAsync() => Task.FromResult(state.State);

    public async Task SetAsync(string text, ProbeKind kind)
    {
        state.State = new ProbeState { Text = text, Kind = kind, Writes = state.State.Writes + 1 };
        await state.WriteStateAsync();
    }

    public Task ClearAsync() => state.ClearStateAsync();
}
