using System.Diagnostics;

namespace SocialValue.Bench;

/// <summary>
/// The write comparison again, interleaved: BenchmarkDotNet measures one method after another, so on a shared machine
/// a burst of someone else's disk traffic lands on one method and not the others. Here each round times a batch of
/// each kind back to back, in rotating order, and the ratio is taken within the round before taking the median over
/// rounds. Same setup and same three operations as <see cref="PostgresWriteBenchmarks"/>; prints Markdown.
/// Run with <c>dotnet run -c Release --project bench -- writes</c>.
/// </summary>
public static class PairedWriteDriver
{
    public const string Switch = "writes";

    private const int Rounds = 30;
    private const int BatchSize = 100;

    public static void Run()
    {
        Console.WriteLine($"Paired PostgreSQL writes, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}: {Rounds} rounds of {BatchSize} sequential writes per kind, "
            + "one writer, order rotated each round.");
        Console.WriteLine();
        Console.WriteLine("| synchronous_commit | PlainUpdate writes/s | StorageWrite writes/s | GrainWriteState writes/s | grain / plain (median of per-round ratios, min–max) | storage / plain |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var synchronousCommit in new[] { "on", "off" })
        {
            RunAsync(synchronousCommit).GetAwaiter().GetResult();
        }
    }

    private static async Task RunAsync(string synchronousCommit)
    {
        var benchmarks = new PostgresWriteBenchmarks { SynchronousCommit = synchronousCommit };
        benchmarks.Setup();
        try
        {
            Func<Task>[] kinds = [benchmarks.PlainUpdate, benchmarks.StorageWrite, benchmarks.GrainWriteState];
            foreach (var kind in kinds)
            {
                await TimeBatchAsync(kind);
            }
            var rates = kinds.Select(_ => new List<double>(Rounds)).ToArray();
            for (var round = 0; round < Rounds; round++)
            {
                for (var step = 0; step < kinds.Length; step++)
                {
                    var kind = (round + step) % kinds.Length;
                    rates[kind].Add(BatchSize / (await TimeBatchAsync(kinds[kind])).TotalSeconds);
                }
            }
            var (plain, storage, grain) = (rates[0], rates[1], rates[2]);
            var grainRatios = grain.Zip(plain, (g, p) => g / p).ToList();
            var storageRatios = storage.Zip(plain, (s, p) => s / p).ToList();
            Console.WriteLine($"| {synchronousCommit} | {Median(plain):N0} | {Median(storage):N0} | {Median(grain):N0} "
                + $"| {Median(grainRatios):0.00} ({grainRatios.Min():0.00}–{grainRatios.Max():0.00}) | {Median(storageRatios):0.00} |");
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task<TimeSpan> TimeBatchAsync(Func<Task> write)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < BatchSize; i++)
        {
            await write();
        }
        return Stopwatch.GetElapsedTime(started);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
