using Microsoft.Data.Sqlite;
using Npgsql;

namespace SocialValue.Silo.Tests.Infrastructure;

/// <summary>A fresh, real database for one test: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SOCIALVALUE_TEST_POSTGRES";

    private readonly Func<ValueTask> _drop;

    private TestDatabase(string provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(string provider) =>
        provider == "Postgres" ? PostgresAsync() : Task.FromResult(Sqlite());

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("socialvalue-test-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "data", "socialvalue.db")}";
        return new TestDatabase("Sqlite", connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the suite with scripts/test, which starts a private PostgreSQL server.");
        }
        var name = $"sv_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _drop();
}
