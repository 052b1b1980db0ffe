using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using SocialValue.Bench.Counters;
using SocialValue.Bench.Hosting;
using SocialValue.Silo.Storage;

namespace SocialValue.Bench;

/// <summary>
/// What the runtime adds to a call: the same grain method awaited on a plain instance and through the reference of an
/// activated grain (proxy dispatch, activation lookup, the one-call-at-a-time turn, the call chain). No storage is
/// touched after activation; SQLite on a temporary file is there only because activation reads the state once.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GrainCallBenchmarks
{
    private const string Key = "calls";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"sv-bench-{Guid.NewGuid():N}.db");
    private BenchSilo? _silo;
    private BenchCounterGrain _instance = null!;
    private IBenchCounterGrain _reference = null!;

    // BenchmarkDotNet 0.14's in-process toolchain does not await an asynchronous setup or cleanup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var storage = new AdoGrainStorage(SqliteFactory.Instance.CreateDataSource($"Data Source={_databasePath}"), StorageDialect.Sqlite);
        _silo = await BenchSilo.StartAsync(storage);
        _reference = _silo.Grains.GetGrain<IBenchCounterGrain>(Key);
        await _reference.GetAsync();
        _instance = Detached.Create<BenchCounterGrain, BenchCounterState>((context, state) => new BenchCounterGrain(context, state), Key);
    }

    private async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    [BenchmarkCategory("Get"), Benchmark(Baseline = true)]
    public async Task<int> Direct() => await _instance.GetAsync();

    [BenchmarkCategory("Get"), Benchmark]
    public async Task<int> ThroughRuntime() => await _reference.GetAsync();

    [BenchmarkCategory("Increment"), Benchmark(Baseline = true)]
    public async Task DirectIncrement() => await _instance.IncrementAsync();

    [BenchmarkCategory("Increment"), Benchmark]
    public async Task ThroughRuntimeIncrement() => await _reference.IncrementAsync();
}
