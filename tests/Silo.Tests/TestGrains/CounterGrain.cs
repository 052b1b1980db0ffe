using SocialValue.Runtime;
using SocialValue.Silo.Storage;

namespace SocialValue.Silo.Tests.TestGrains;

public interface ICounterGrain : IGrain
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    /// <summary>Records entering and leaving around an await, to show calls never interleave.</summary>
    Task TracedIncrementAsync(int call);

    Task<IReadOnlyList<string>> TraceAsync();

    Task<int> CallSelfAsync();

    Task<int> CallThroughOtherAsync(string other);

    /// <summary>Moves the stored record on behind this activation's back, then writes: every write conflicts.</summary>
    Task<int> IncrementAgainstAnotherWriterAsync();

    Task<int> ActivationsSeenAsync();
}

public sealed class CounterState
{
    public int Count { get; set; }

    public List<string> Trace { get; set; } = [];
}

public sealed class CounterGrain(IGrainContext context, IPersistentState<CounterState> counter, IGrainStorage storage)
    : Grain(context), ICounterGrain
{
    private static int _activations;

    public static int Deactivations;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _activations);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Deactivations);
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Count);

    public async Task TracedIncrementAsync(int call)
    {
        counter.State.Trace.Add($"enter {call}");
        await Task.Delay(2);
        counter.State.Count++;
        counter.State.Trace.Add($"leave {call}");
        await counter.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> TraceAsync() => Task.FromResult<IReadOnlyList<string>>(counter.State.Trace);

    public Task<int> CallSelfAsync() => GrainFactory.GetGrain<ICounterGrain>(Key).GetAsync();

    public Task<int> CallThroughOtherAsync(string other) => GrainFactory.GetGrain<ICounterGrain>(other).CallThroughOtherAsync(Key);

    public async Task<int> IncrementAgainstAnotherWriterAsync()
    {
        var address = new StateAddress(nameof(CounterGrain), Key, "counter");
        var stored = await storage.ReadAsync(address);
        await storage.WriteAsync(address, stored?.Payload ?? "{}", stored?.ETag);
        return await IncrementAsync();
    }

    public Task<int> ActivationsSeenAsync() => Task.FromResult(_activations);
}
