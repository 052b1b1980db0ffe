using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SocialValue.Bench.Load;

/// <summary>The outcome of one timed window: operations completed, failures, and every latency.</summary>
public sealed class LoadResult(int clients, TimeSpan elapsed, long[] latencyTicks, int failures, string? firstFailure)
{
    public int Clients { get; } = clients;

    public int Count => LatencyTicks.Length;

    public int Failures { get; } = failures;

    public string? FirstFailure { get; } = firstFailure;

    public TimeSpan Elapsed { get; } = elapsed;

    public double PerSecond => Count / Elapsed.TotalSeconds;

    public long[] LatencyTicks { get; } = latencyTicks;

    public double P50Ms => Percentile(LatencyTicks, 0.50);

    public double P99Ms => Percentile(LatencyTicks, 0.99);

    /// <summary>Nearest-rank percentile, in milliseconds, of latencies in <see cref="Stopwatch"/> ticks.</summary>
    public static double Percentile(IReadOnlyCollection<long> ticks, double p)
    {
        if (ticks.Count == 0)
        {
            return double.NaN;
        }
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Clients,3} clients: {Count,7} ops in {Elapsed.TotalSeconds:F1} s = {PerSecond,8:F0}/s, p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms, {Failures} failures");
}

/// <summary>Runs an operation from a number of concurrent clients, each one after another, for a time or a count.</summary>
public static class LoadRun
{
    /// <summary>
    /// <paramref name="clients"/> loops call <paramref name="operation"/> (client index, sequence number) back to back
    /// until <paramref name="duration"/> has passed or <paramref name="total"/> operations have started. An operation
    /// that throws counts as a failure, not as a latency.
    /// </summary>
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<int, long, Task> operation, long total = long.MaxValue)
    {
        var latencies = new List<long>[clients];
        var failures = 0;
        string? firstFailure = null;
        long started = -1;
        var clock = Stopwatch.StartNew();
        var end = duration;
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<long>(4096);
            while (clock.Elapsed < end)
            {
                var sequence = Interlocked.Increment(ref started);
                if (sequence >= total)
                {
                    break;
                }
                var before = Stopwatch.GetTimestamp();
                try
                {
                    await operation(client, sequence);
                    mine.Add(Stopwatch.GetTimestamp() - before);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref failures) == 1)
                    {
                        firstFailure = e.Message;
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        var elapsed = clock.Elapsed;
        return new LoadResult(clients, elapsed, [.. latencies.SelectMany(l => l)], failures, firstFailure);
    }

    /// <summary>The first lines of a driver's output: what ran, when, on what, how busy the machine was, with which options.</summary>
    public static void PrintHeader(string driver, string provider, Options options)
    {
        Console.WriteLine($"# {driver} driver ({provider}), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, "
            + $"{RuntimeInformation.FrameworkDescription}, load average {WritesDriver.LoadAverage()}");
        Console.WriteLine($"options: {options}");
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
