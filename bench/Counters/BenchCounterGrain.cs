using SocialValue.Runtime;

namespace SocialValue.Bench.Counters;

public sealed class BenchCounterGrain(IGrainContext context, IPersistentState<BenchCounterState> counter)
    : Grain(context), IBenchCounterGrain
{
    public Task<int> GetAsync() => Task.FromResult(counter.State.Count);

    public Task IncrementAsync()
    {
        counter.State.Count++;
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAndWriteAsync()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }
}
