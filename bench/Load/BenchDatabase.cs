using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SocialValue.Bench.Load;

/// <summary>
/// A fresh database for one driver run: a SQLite file in a new folder under /tmp, or a new database on the
/// PostgreSQL server named by <c>SV_BENCH_PG</c> (start a private one with <c>scripts/pg-start</c>). Dropped at the end.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SV_BENCH_PG";

    private readonly string? _server;
    private readonly string? _databaseName;

    private BenchDatabase(string repository, string provider, string connectionString, string folder, string? server, string? databaseName)
    {
        Repository = repository;
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _server = server;
        _databaseName = databaseName;
    }

    public string Repository { get; }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as the Silo's <c>Storage:Provider</c> spells it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The Silo's working directory; on SQLite it holds the database files.</summary>
    public string Folder { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        var repository = FindRepository();
        var folder = Directory.CreateTempSubdirectory("sv-bench-").FullName;
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set: start a server with `SV_PG_PORT=55492 SV_PG_DIR=/tmp/sv-pg-bench scripts/pg-start` and export what it prints.");
            }
            var name = $"sv_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 200 }.ConnectionString;
            return new BenchDatabase(repository, "Postgres", connectionString, folder, server, name);
        }
        return new BenchDatabase(repository, "Sqlite", $"Data Source={Path.Combine(folder, "data", "socialvalue.db")}", folder, null, null);
    }

    public DbConnection OpenConnection()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        Directory.Delete(Folder, recursive: true);
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialValue.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Run the driver from the repository (no SocialValue.sln above the working directory).");
    }
}
