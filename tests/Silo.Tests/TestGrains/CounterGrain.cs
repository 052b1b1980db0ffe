using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace SocialValue.Silo.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    /// <summary>Moves the stored record on behind this activation's back, then writes: every write conflicts.</summary>
    Task<int> IncrementAgainstAnotherWriterAsync();
}

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }
}

public sealed class CounterGrain([PersistentState("test-counter", "store")] IPersistentState<CounterState> counter)
    : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Count);

    public async Task<int> IncrementAgainstAnotherWriterAsync()
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>("store");
        var behindOurBack = new GrainState<CounterState>(new CounterState { Count = counter.State.Count }, counter.Etag);
        await storage.WriteStateAsync("test-counter", this.GetGrainId(), behindOurBack);
        return await IncrementAsync();
    }
}
