using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SocialValue.Bench;

/// <summary>
/// One short in-process job, so that both benchmark classes run in a few minutes on a small shared machine.
/// In-process because BenchmarkDotNet 0.14 predates .NET 10 and its generated out-of-process project would
/// inherit this repository's central package management and warnings-as-errors.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(20)
            .WithId("InProcessShort"));
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
    }
}
