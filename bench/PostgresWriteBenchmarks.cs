using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Npgsql;
using SocialValue.Bench.Counters;
using SocialValue.Bench.Hosting;
using SocialValue.Silo.Runtime;
using SocialValue.Silo.Storage;

namespace SocialValue.Bench;

/// <summary>
/// Durable single-row writes on PostgreSQL, one writer at a time, each one committed before the next starts:
/// a plain Npgsql UPDATE of a table shaped like <c>grain_state</c> (the baseline), the grain storage's ETag-checked
/// write, and a grain call that changes its state and awaits <c>WriteStateAsync</c>. All three send the same payload.
/// The server is taken from <c>SV_BENCH_PG</c>; its database is created when missing.
/// <para>
/// With <c>synchronous_commit=on</c> (PostgreSQL's default, what the Silo uses) each write waits for the WAL flush,
/// so the disk dominates; <c>off</c> removes the flush and shows what the client side costs.
/// </para>
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class PostgresWriteBenchmarks
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres;Database=sv_bench";

    private const string GrainKey = "writes";
    private const string PlainTable = "bench_plain_state";

    private static readonly StateAddress RawAddress = new("BenchRawStorage", "writes", "counter");
    // The grain's own row ("counter" is its state parameter); the plain table's one row has the same key values.
    private static readonly StateAddress GrainAddress = new(nameof(BenchCounterGrain), GrainKey, "counter");

    private NpgsqlDataSource _dataSource = null!;
    private BenchSilo? _silo;
    private AdoGrainStorage _storage = null!;
    private IBenchCounterGrain _grain = null!;
    private string _payload = "";
    private string? _rawETag;

    [Params("on", "off")]
    public string SynchronousCommit { get; set; } = "on";

    // BenchmarkDotNet 0.14's in-process toolchain does not await an asynchronous setup or cleanup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("SV_BENCH_PG") ?? DefaultConnectionString;
        await CreateDatabaseIfMissingAsync(connectionString);
        _dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { Options = $"-c synchronous_commit={SynchronousCommit}" }.ConnectionString);
        _storage = new AdoGrainStorage(_dataSource, StorageDialect.Postgres);
        _silo = await BenchSilo.StartAsync(_storage);

        // The payload the grain writes: its state as JSON, with a note to give it the size of a small real state.
        _payload = JsonSerializer.Serialize(new BenchCounterState { Count = 1_000_000, Note = new string('n', 200) }, StateJson.Options);

        await ExecuteAsync(
            $"DELETE FROM grain_state WHERE grain_type IN ('{nameof(BenchCounterGrain)}', '{RawAddress.GrainType}')",
            $"DROP TABLE IF EXISTS {PlainTable}",
            $"CREATE TABLE {PlainTable} (LIKE grain_state INCLUDING ALL)",
            $"INSERT INTO {PlainTable} VALUES ('{GrainAddress.GrainType}', '{GrainAddress.Key}', '{GrainAddress.StateName}', 1, '', now())");
        await PlainUpdate();

        // Stored before the grain activates, so that the grain reads and writes back a state of this size too.
        await _storage.WriteAsync(GrainAddress, _payload, null);
        _grain = _silo.Grains.GetGrain<IBenchCounterGrain>(GrainKey);
        await _grain.IncrementAndWriteAsync();
        if ((await _storage.ReadAsync(GrainAddress))?.Payload?.Length != _payload.Length)
        {
            throw new InvalidOperationException("The grain does not write a payload of the plain UPDATE's size.");
        }
        _rawETag = await _storage.WriteAsync(RawAddress, _payload, null);
    }

    private async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
        await _dataSource.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> PlainUpdate()
    {
        await using var command = _dataSource.CreateCommand(
            $"UPDATE {PlainTable} SET payload = @payload, etag = etag + 1, modified_at = now() WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        command.Parameters.AddWithValue("payload", _payload);
        command.Parameters.AddWithValue("type", GrainAddress.GrainType);
        command.Parameters.AddWithValue("key", GrainAddress.Key);
        command.Parameters.AddWithValue("name", GrainAddress.StateName);
        return await command.ExecuteNonQueryAsync();
    }

    [Benchmark]
    public async Task<string> StorageWrite() => _rawETag = await _storage.WriteAsync(RawAddress, _payload, _rawETag);

    [Benchmark]
    public async Task<int> GrainWriteState() => await _grain.IncrementAndWriteAsync();

    private async Task ExecuteAsync(params string[] statements)
    {
        foreach (var statement in statements)
        {
            await using var command = _dataSource.CreateCommand(statement);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }
}
