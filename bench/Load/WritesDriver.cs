using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace SocialValue.Bench.Load;

/// <summary>
/// Durable writes per second and p99 through the service against plain single-row UPDATEs on the same database, in
/// interleaved rounds (<c>load writes --provider Sqlite|Postgres</c>). Through the service: <c>PUT
/// /api/organisations/{id}</c> of an unchanged profile, no <c>If-Match</c>, on a random one of <c>--grains</c>
/// organisations; each is one ETag-checked write of the organisation's state before the 200. Raw: an <c>UPDATE</c>
/// of a random row of a <c>--grains</c>-row table in the same database, payload the JSON of a stored organisation
/// state, autocommit. On PostgreSQL the raw side runs as many clients as the service side (one pooled connection
/// per operation, as Orleans' storage does); on SQLite it is one writer in a loop, SQLite's best case.
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
        LoadRun.PrintHeader("Writes", provider, options);

        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var silo = await SiloServer.StartAsync(database);
        using var client = silo.Client();
        var preload = await Organisations.PreloadAsync(client, 0, grains);
        Console.WriteLine($"preloaded {grains} organisations: {preload}");
        EnsureNoFailures(preload);

        var payload = StoredOrganisationPayload(database);
        var bodies = Enumerable.Range(0, grains).Select(i => Organisations.Profile(i, withId: false)).ToArray();
        var raw = new RawWriter(database, grains, payload);
        Console.WriteLine($"stored organisation state: {payload.Length} bytes of JSON; raw table bench_raw with {grains} rows of it");

        var versionsBefore = SumOfVersions(database);
        long servicePuts = 0;

        async Task<LoadResult> ServiceRound(int clients)
        {
            var result = await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(seconds), (_, _) =>
            {
                var index = Random.Shared.Next(grains);
                return Organisations.UpdateAsync(client, index, bodies[index]);
            });
            servicePuts += result.Count;
            return result;
        }

        Task<LoadResult> RawRound(int clients) => raw.RunAsync(database.IsPostgres ? clients : 1, TimeSpan.FromSeconds(seconds));

        // Warm-up: JIT, connection pools, activations of every organisation, the database's caches.
        Console.WriteLine($"warm-up service: {await ServiceRound(16)}");
        Console.WriteLine($"warm-up raw:     {await RawRound(16)}");

        var rows = new List<string>();
        foreach (var clients in levels)
        {
            var services = new List<LoadResult>();
            var raws = new List<LoadResult>();
            var ratios = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                LoadResult s, r;
                if (round % 2 == 0)
                {
                    s = await ServiceRound(clients);
                    r = await RawRound(clients);
                }
                else
                {
                    r = await RawRound(clients);
                    s = await ServiceRound(clients);
                }
                Console.WriteLine($"round {round + 1}: service {s} | raw {r} | ratio {s.PerSecond / r.PerSecond:F2}");
                services.Add(s);
                raws.Add(r);
                ratios.Add(s.PerSecond / r.PerSecond);
            }
            var serviceLatencies = services.SelectMany(s => s.LatencyTicks).ToArray();
            var rawLatencies = raws.SelectMany(s => s.LatencyTicks).ToArray();
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {clients} | {LoadRun.Median(services.Select(s => s.PerSecond)):F0} | {LoadResult.Percentile(serviceLatencies, 0.5):F1} | {LoadResult.Percentile(serviceLatencies, 0.99):F1} "
                + $"| {raws[0].Clients} | {LoadRun.Median(raws.Select(s => s.PerSecond)):F0} | {LoadResult.Percentile(rawLatencies, 0.99):F1} "
                + $"| **{LoadRun.Median(ratios):F2}** ({ratios.Min():F2}–{ratios.Max():F2}) | {services.Sum(s => s.Failures)} |"));
        }

        var versionsAfter = SumOfVersions(database);
        Console.WriteLine();
        Console.WriteLine($"Durable writes, {provider}: {rounds} interleaved rounds of {seconds} s per side and level, {grains} organisations; load average at the end {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| clients | service writes/s (median) | service p50 ms | service p99 ms | raw clients | raw writes/s (median) | raw p99 ms | service / raw (median of rounds, min–max) | service failures |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"Check: {servicePuts} PUTs answered 200 in measured and warm-up rounds; organisation row versions rose by {versionsAfter - versionsBefore}.");
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
