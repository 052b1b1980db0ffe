namespace SocialValue.Bench.Grains;

/// <summary>The smallest grain worth calling: it returns a value it holds in memory, and writes nothing.</summary>
public interface IBenchGrain : IGrainWithIntegerKey
{
    Task<int> GetAsync();
}

/// <summary>The work both sides of <see cref="GrainCallBenchmarks"/> do: read a field, return a completed task.</summary>
public sealed class BenchCounter
{
    private int _value = 42;

    public Task<int> GetAsync() => Task.FromResult(_value);

    public void Set(int value) => _value = value;
}

/// <summary>The grain around <see cref="BenchCounter"/>, so a call through Orleans does exactly the direct call's work.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private readonly BenchCounter _counter = new();

    public Task<int> GetAsync() => _counter.GetAsync();
}
