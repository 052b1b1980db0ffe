using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;

namespace SocialValue.Bench.Load;

/// <summary>
/// Durable writes per second and p99 through the service against plain single-row UPDATEs on the same database, in
/// interleaved rounds (<c>load writes --provider Sqlite|Postgres</c>). Through the service: <c>PUT
/// /api/organisations/{id}</c> of an unchanged profile, no <c>If-Match</c>, on a random one of <c>--grains</c>
/// organisations; each is one ETag-checked write of the organisation's state before the 200. Raw: an <c>UPDATE</c>
/// of a random row of a <c>--grains</c>-row table in the same database, payload the JSON of a stored organisation
/// state, autocommit. On PostgreSQL the raw side runs as many clients as the service side (one pooled connection
/// per operation, as Orleans' storage does); on SQLite it is one writer in a loop, SQLite's best case. Each service
/// round also reports the Silo process's CPU time per write, which a busy machine changes far less than throughput.
/// <c>--compare &lt;path to another build's SocialValue.Silo.dll&gt;</c> runs that build too, on its own database, in
/// the same rounds, so a change is measured side by side with what it replaces.
/// </summary>
public static class WritesDriver
{
    public const string Name = "writes";

    public static async Task RunAsync(Options options)
    {
        var provider = options.Text("provider", "Sqlite");
        var grains = options.Number("grains", 1000);
        var rounds = options.Number("rounds", 5);
        var seconds = options.Number("seconds", 5);
        var levels = options.Numbers("clients", 1, 16, 64);
        var compare = options.Text("compare", "");
        LoadRun.PrintHeader("Writes", provider, options);

        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var current = await ServiceSide.StartAsync("this build", database, dll: null, grains);
        await using var baselineDatabase = compare.Length == 0 ? null : await BenchDatabase.CreateAsync(provider);
        await using var baseline = baselineDatabase is null ? null : await ServiceSide.StartAsync(compare, baselineDatabase, compare, grains);
        ServiceSide[] sides = baseline is null ? [current] : [current, baseline];

        var payload = StoredOrganisationPayload(database);
        var raw = new RawWriter(database, grains, payload);
        Console.WriteLine($"stored organisation state: {payload.Length} bytes of JSON; raw table bench_raw with {grains} rows of it");
        Task<LoadResult> RawRound(int clients) => raw.RunAsync(database.IsPostgres ? clients : 1, TimeSpan.FromSeconds(seconds));

        // Warm-up: JIT, connection pools, activations of every organisation, the database's caches.
        foreach (var side in sides)
        {
            Console.WriteLine($"warm-up {side.Name}: {(await side.RoundAsync(16, seconds)).Result}");
        }
        Console.WriteLine($"warm-up raw: {await RawRound(16)}");

        var rows = sides.ToDictionary(side => side, _ => new List<string>());
        foreach (var clients in levels)
        {
            var measured = sides.ToDictionary(side => side, _ => new List<(LoadResult Result, double CpuMs)>());
            var raws = new List<LoadResult>();
            var ratios = sides.ToDictionary(side => side, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                // Each round runs every side and the raw loop once, in an order that rotates from round to round.
                var order = Enumerable.Range(0, sides.Length + 1).Select(i => (i + round) % (sides.Length + 1)).ToArray();
                var results = new Dictionary<ServiceSide, (LoadResult Result, double CpuMs)>();
                LoadResult? rawResult = null;
                foreach (var step in order)
                {
                    if (step == sides.Length)
                    {
                        rawResult = await RawRound(clients);
                    }
                    else
                    {
                        results[sides[step]] = await sides[step].RoundAsync(clients, seconds);
                    }
                }
                raws.Add(rawResult!);
                var line = new StringBuilder($"round {round + 1}:");
                foreach (var side in sides)
                {
                    var (result, cpuMs) = results[side];
                    measured[side].Add((result, cpuMs));
                    ratios[side].Add(result.PerSecond / rawResult!.PerSecond);
                    line.Append(CultureInfo.InvariantCulture, $" {side.Name} {result}, Silo CPU {cpuMs:F2} ms/write, ratio {result.PerSecond / rawResult.PerSecond:F2} |");
                }
                Console.WriteLine(line.Append(CultureInfo.InvariantCulture, $" raw {rawResult}"));
            }
            var rawLatencies = raws.SelectMany(r => r.LatencyTicks).ToArray();
            foreach (var side in sides)
            {
                var results = measured[side];
                var latencies = results.SelectMany(r => r.Result.LatencyTicks).ToArray();
                rows[side].Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {clients} | {LoadRun.Median(results.Select(r => r.Result.PerSecond)):F0} | {LoadResult.Percentile(latencies, 0.5):F1} | {LoadResult.Percentile(latencies, 0.99):F1} "
                    + $"| {LoadRun.Median(results.Select(r => r.CpuMs)):F2} "
                    + $"| {raws[0].Clients} | {LoadRun.Median(raws.Select(r => r.PerSecond)):F0} | {LoadResult.Percentile(rawLatencies, 0.99):F1} "
                    + $"| **{LoadRun.Median(ratios[side]):F2}** ({ratios[side].Min():F2}–{ratios[side].Max():F2}) | {results.Sum(r => r.Result.Failures)} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Durable writes, {provider}: {rounds} interleaved rounds of {seconds} s per side and level, {grains} organisations; load average at the end {LoadAverage()}");
        foreach (var side in sides)
        {
            Console.WriteLine();
            Console.WriteLine($"Service: {side.Name}");
            Console.WriteLine();
            Console.WriteLine("| clients | service writes/s (median) | service p50 ms | service p99 ms | Silo CPU ms per write (median) | raw clients | raw writes/s (median) | raw p99 ms | service / raw (median of rounds, min–max) | service failures |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            rows[side].ForEach(Console.WriteLine);
            Console.WriteLine();
            Console.WriteLine($"Check: {side.Puts} PUTs answered 200 in measured and warm-up rounds; organisation row versions rose by {side.VersionsRisen()}.");
        }
    }

    /// <summary>One Silo under test, on its own database, with the organisations it updates.</summary>
    private sealed class ServiceSide : IAsyncDisposable
    {
        private readonly SiloServer _silo;
        private readonly HttpClient _client;
        private readonly BenchDatabase _database;
        private readonly byte[][] _bodies;
        private long _versionsBefore;

        private ServiceSide(string name, SiloServer silo, BenchDatabase database, int grains)
        {
            (Name, _silo, _database) = (name, silo, database);
            _client = silo.Client();
            _bodies = Enumerable.Range(0, grains).Select(i => Organisations.Profile(i, withId: false)).ToArray();
        }

        public string Name { get; }

        public long Puts { get; private set; }

        /// <summary>Starts the Silo and creates its organisations; versions are counted from there.</summary>
        public static async Task<ServiceSide> StartAsync(string name, BenchDatabase database, string? dll, int grains)
        {
            var side = new ServiceSide(name, await SiloServer.StartAsync(database, dll), database, grains);
            var preload = await Organisations.PreloadAsync(side._client, 0, grains);
            Console.WriteLine($"{name}: preloaded {grains} organisations: {preload}");
            EnsureNoFailures(preload);
            side._versionsBefore = SumOfVersions(database);
            return side;
        }

        /// <summary>PUTs from <paramref name="clients"/> clients for <paramref name="seconds"/>; the result and the Silo's CPU per write.</summary>
        public async Task<(LoadResult Result, double CpuMs)> RoundAsync(int clients, int seconds)
        {
            var cpuBefore = _silo.CpuMilliseconds();
            var result = await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), (_, _) =>
            {
                var index = Random.Shared.Next(_bodies.Length);
                return Organisations.UpdateAsync(_client, index, _bodies[index]);
            });
            var cpuMs = (_silo.CpuMilliseconds() - cpuBefore) / Math.Max(1, result.Count);
            Puts += result.Count;
            return (result, cpuMs);
        }

        public long VersionsRisen() => SumOfVersions(_database) - _versionsBefore;

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _silo.DisposeAsync();
        }
    }

    private static void EnsureNoFailures(LoadResult result)
    {
        if (result.Failures > 0)
        {
            throw new InvalidOperationException($"{result.Failures} requests failed, first: {result.FirstFailure}");
        }
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>The JSON the Silo stored for one organisation, so the raw rows carry the same bytes.</summary>
    private static string StoredOrganisationPayload(BenchDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM sv_grain_state WHERE state_name = 'organisation' AND payload IS NOT NULL LIMIT 1";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("No organisation state stored.");
    }

    private static long SumOfVersions(BenchDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sum(version) FROM sv_grain_state WHERE state_name = 'organisation'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Plain single-row UPDATEs of a table like the grain state's, in the same database.</summary>
    private sealed class RawWriter
    {
        private const string Update = "UPDATE bench_raw SET payload = {0}, version = version + 1, modified_at = {1} WHERE id = @id";

        private readonly BenchDatabase _database;
        private readonly int _rows;
        private readonly string _payload;
        private readonly NpgsqlDataSource? _postgres;

        public RawWriter(BenchDatabase database, int rows, string payload)
        {
            (_database, _rows, _payload) = (database, rows, payload);
            using var connection = database.OpenConnection();
            Execute(connection, database.IsPostgres
                ? "CREATE TABLE bench_raw (id integer PRIMARY KEY, version integer NOT NULL, payload json, modified_at timestamptz NOT NULL DEFAULT now())"
                : "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, payload TEXT CHECK (payload IS NULL OR json_valid(payload)), modified_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = database.IsPostgres
                ? "INSERT INTO bench_raw (id, version, payload) VALUES (@id, 1, CAST(@payload AS json))"
                : "INSERT INTO bench_raw (id, version, payload) VALUES (@id, 1, @payload)";
            var id = BenchDatabase.Parameter(insert, "id", 0);
            BenchDatabase.Parameter(insert, "payload", payload);
            for (var i = 0; i < rows; i++)
            {
                id.Value = i;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            if (database.IsPostgres)
            {
                _postgres = NpgsqlDataSource.Create(database.ConnectionString);
            }
        }

        public Task<LoadResult> RunAsync(int clients, TimeSpan duration) =>
            _postgres is not null ? PostgresAsync(_postgres, clients, duration) : SqliteAsync(duration);

        // One pooled connection per write, as Orleans' ADO.NET storage opens one per operation.
        private Task<LoadResult> PostgresAsync(NpgsqlDataSource source, int clients, TimeSpan duration) =>
            LoadRun.RunAsync(clients, duration, async (_, _) =>
            {
                await using var connection = await source.OpenConnectionAsync();
                await using var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, Update, "CAST(@payload AS json)", "now()"), connection);
                command.Parameters.AddWithValue("id", Random.Shared.Next(_rows));
                command.Parameters.AddWithValue("payload", _payload);
                if (await command.ExecuteNonQueryAsync() != 1)
                {
                    throw new InvalidOperationException("The raw UPDATE changed no row.");
                }
            });

        // One writer, one connection, one prepared UPDATE per loop, each its own (autocommit) transaction.
        private async Task<LoadResult> SqliteAsync(TimeSpan duration)
        {
            using var connection = _database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, Update, "@payload", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
            var id = BenchDatabase.Parameter(command, "id", 0);
            BenchDatabase.Parameter(command, "payload", _payload);
            command.Prepare();
            return await LoadRun.RunAsync(1, duration, (_, _) =>
            {
                id.Value = Random.Shared.Next(_rows);
                if (command.ExecuteNonQuery() != 1)
                {
                    throw new InvalidOperationException("The raw UPDATE changed no row.");
                }
                return Task.CompletedTask;
            });
        }

        private static void Execute(DbConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
