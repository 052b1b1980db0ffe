using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using SocialValue.Formulas;

namespace SocialValue.Bench.Formulas;

/// <summary>
/// The formula figures that are not one operation timed in a loop, so BenchmarkDotNet does not fit them: publish
/// latency cold and warm, memory after publishing many versions of one measure, a million evaluations over stored
/// inputs, and the naive script path. Run in a fresh process (<c>dotnet run -c Release --project bench -- formulas</c>)
/// so that the first publish really is cold; prints Markdown.
/// </summary>
public static class FormulaDriver
{
    public const string Switch = "formulas";

    private const int WarmPublishes = 50;
    private const int Versions = 1_000;
    private const int StoredRows = 1_000_000;
    private const int Runs = 5;
    private const int NaiveEvaluations = 20;

    public static void Run()
    {
        Console.WriteLine($"Formula driver, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}: {RuntimeInformation.FrameworkDescription}, "
            + $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var engine = new FormulaEngine();
        Publish(engine);
        PublishVersions(engine);
        EvaluateStored(engine);

        // Last, because every script stays loaded for good, in a load context of its own that never unloads.
        EvaluateNaively();
    }

    private static void Publish(FormulaEngine engine)
    {
        var cold = Time(() => engine.Compile(BenchFormula.Named("ProxyAmount").Source));
        var warm = Enumerable.Range(1, WarmPublishes).Select(i => Time(() => engine.Compile(Distinct(i)))).ToList();
        var check = Enumerable.Range(1, WarmPublishes).Select(i => Time(() => engine.Check(Distinct(WarmPublishes + i)))).ToList();
        var cached = Enumerable.Range(1, WarmPublishes).Select(_ => Time(() => engine.Compile(Distinct(1)))).ToList();

        LatencyTable("Publish latency: `FormulaEngine.Compile` of a source never compiled before");
        Console.WriteLine($"| Cold: first publish in the process | 1 | {Ms(cold)} | | |");
        LatencyRow("Warm: distinct sources, one after another", warm);
        LatencyRow("Dry run (`Check`) of distinct sources, warm", check);
        LatencyRow("Re-publish of a source already compiled (cache hit)", cached);
    }

    private static void PublishVersions(FormulaEngine engine)
    {
        var before = Settle();
        var contextsBefore = AssemblyLoadContext.All.Count();

        var latencies = new List<TimeSpan>(Versions);
        CompiledFormula latest = null!;
        for (var version = 1; version <= Versions; version++)
        {
            var source = Version(version);
            latencies.Add(Time(() => latest = engine.Compile(source)));
        }

        // AssemblyLoadContext.All is not counted before the collections: enumerating it while contexts are unloading
        // leaves one of them loaded for good.
        var afterOneGc = GC.GetTotalMemory(forceFullCollection: true);
        var after = Settle();
        var contextsSettled = AssemblyLoadContext.All.Count();
        var alive = string.Join(", ", AssemblyLoadContext.All.Select(c => c.Name));
        var value = engine.Evaluate(latest, BenchFormula.Inputs(0), BenchFormula.Proxy);

        Console.WriteLine();
        Console.WriteLine($"### {Versions:N0} versions of one measure published one after another, only the latest kept");
        Console.WriteLine();
        Console.WriteLine("| What | Before | After `GetTotalMemory(true)` | After settling | Growth (settled) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| Managed heap | {Mb(before)} | {Mb(afterOneGc)} | {Mb(after)} | {Mb(after - before)} |");
        Console.WriteLine($"| `AssemblyLoadContext.All.Count()` | {contextsBefore} | | {contextsSettled} | {contextsSettled - contextsBefore} |");
        Console.WriteLine();
        Console.WriteLine($"Publish latency over the {Versions:N0}: p50 {Ms(Percentile(latencies, 0.50))}, p95 {Ms(Percentile(latencies, 0.95))}, "
            + $"max {Ms(latencies.Max())}. Load contexts alive after settling: {alive}. "
            + $"The latest version still evaluates: {value.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static void EvaluateStored(FormulaEngine engine)
    {
        var rows = new FormulaInputs[StoredRows];
        for (var row = 0; row < rows.Length; row++)
        {
            rows[row] = BenchFormula.Inputs(row);
        }

        // Promoted to the oldest generation now, or the first formula timed pays for it in its collections.
        Settle();

        Console.WriteLine();
        Console.WriteLine($"### {StoredRows:N0} evaluations over stored inputs: median of {Runs} runs (min–max), engine and lambda alternating");
        Console.WriteLine();
        Console.WriteLine("| Formula | Engine | Lambda | Engine / lambda (median of per-run ratios) | Engine allocated per run |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var formula in BenchFormula.All)
        {
            var compiled = engine.Compile(formula.Source);
            var engineRuns = new List<TimeSpan>(Runs);
            var lambdaRuns = new List<TimeSpan>(Runs);
            var ratios = new List<double>(Runs);
            var allocated = 0L;
            for (var run = 0; run < Runs; run++)
            {
                // Alternating which goes first, so that a burst of someone else's load does not always land on one side.
                var lambdaFirst = run % 2 == 1;
                var lambda = lambdaFirst ? Pass(rows, inputs => formula.Lambda(inputs, BenchFormula.Proxy)) : default;
                var evaluated = Pass(rows, inputs => engine.Evaluate(compiled, inputs, BenchFormula.Proxy));
                if (!lambdaFirst)
                {
                    lambda = Pass(rows, inputs => formula.Lambda(inputs, BenchFormula.Proxy));
                }

                if (evaluated.Sum != lambda.Sum)
                {
                    throw new InvalidOperationException($"{formula.Name}: the engine and the lambda disagree");
                }

                engineRuns.Add(evaluated.Elapsed);
                lambdaRuns.Add(lambda.Elapsed);
                ratios.Add(evaluated.Elapsed / lambda.Elapsed);
                allocated = evaluated.Allocated;
            }

            Console.WriteLine($"| {formula.Name} | {Ms(Percentile(engineRuns, 0.50))} ({Ms(engineRuns.Min())}–{Ms(engineRuns.Max())}) "
                + $"| {Ms(Percentile(lambdaRuns, 0.50))} ({Ms(lambdaRuns.Min())}–{Ms(lambdaRuns.Max())}) "
                + $"| {ratios.Order().ElementAt(ratios.Count / 2):0.00} ({ratios.Min():0.00}–{ratios.Max():0.00}) | {Mb(allocated)} |");
        }
    }

    private static void EvaluateNaively()
    {
        var share = BenchFormula.Named("Share");
        var first = Time(() => share.EvaluateScriptAsync(BenchFormula.Inputs(0)).GetAwaiter().GetResult());
        var warm = Enumerable.Range(1, NaiveEvaluations)
            .Select(row => Time(() => share.EvaluateScriptAsync(BenchFormula.Inputs(row)).GetAwaiter().GetResult()))
            .ToList();

        LatencyTable("Naive path at its worst: `CSharpScript.EvaluateAsync` (compile, then run) on every evaluation of Share");
        Console.WriteLine($"| First | 1 | {Ms(first)} | | |");
        LatencyRow("Then", warm);
    }

    private static (TimeSpan Elapsed, long Allocated, decimal Sum) Pass(FormulaInputs[] rows, Func<FormulaInputs, decimal> evaluate)
    {
        var sum = 0m;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        foreach (var inputs in rows)
        {
            sum += evaluate(inputs);
        }

        return (clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, sum);
    }

    // The three kinds of formula in turn, each made distinct by a constant so that every one is a fresh compile.
    private static string Distinct(int i) => (i % 3) switch
    {
        0 => $"Quantity + {i}",
        1 => $"Quantity * Proxy(\"NT1\") + {i}",
        _ => $"var share = Quantity / Input(\"totalSpend\"); return Math.Round(share / 0.3m * {100 + i}, 1);",
    };

    // An administrator revising one measure's proxy £ formula again and again.
    private static string Version(int version) =>
        $"Math.Round(Quantity * Proxy(\"NT1\") * {1 + version / 10_000m:0.0000}m, 2)";

    // Collectible load contexts unload over several collections: each one finalises what the previous one freed.
    private static long Settle()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }

    private static void LatencyTable(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| What | n | p50 | p95 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
    }

    private static void LatencyRow(string what, List<TimeSpan> times) =>
        Console.WriteLine($"| {what} | {times.Count} | {Ms(Percentile(times, 0.50))} | {Ms(Percentile(times, 0.95))} | {Ms(times.Max())} |");

    // Nearest rank: the smallest value with at least the given share of values at or below it.
    private static TimeSpan Percentile(List<TimeSpan> times, double share)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    private static string Ms(TimeSpan time) =>
        time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "0.00 ms" : "0 ms", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1_048_576d).ToString("0.0 MB", CultureInfo.InvariantCulture);
}
