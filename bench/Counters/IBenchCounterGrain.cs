using SocialValue.Runtime;

namespace SocialValue.Bench.Counters;

/// <summary>A counter grain that does as little as possible, so that what a benchmark measures is the runtime.</summary>
public interface IBenchCounterGrain : IGrain
{
    /// <summary>The in-memory count; touches no storage.</summary>
    Task<int> GetAsync();

    /// <summary>Adds one to the in-memory count without writing it.</summary>
    Task IncrementAsync();

    /// <summary>Adds one to the count and awaits <c>WriteStateAsync</c>; returns the new count.</summary>
    Task<int> IncrementAndWriteAsync();
}
