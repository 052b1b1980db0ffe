using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SocialValue.Silo.Database;

/// <summary>
/// Brings a database up to the schema this build needs: the numbered SQL migrations embedded under
/// <c>Database/Postgres</c> or <c>Database/Sqlite</c> run once each, in order, and each is recorded in
/// <c>sv_schema_version</c>. Safe to run on every start, and from several Silos at once: on PostgreSQL the whole
/// run holds a transaction-scoped advisory lock, on SQLite an immediate (write-locking) transaction. A migration
/// that has shipped never changes; a change to the schema or to a query text is the next numbered file.
/// </summary>
public sealed class DatabaseSchema(DatabaseSettings settings)
{
    // Any constant works as long as nothing else in the database takes the same advisory lock; this one spells "svschema".
    private const long PostgresMigrationLock = 0x7376_7363_6865_6d61;

    private const string PostgresVersionTable = """
        CREATE TABLE IF NOT EXISTS sv_schema_version (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string SqliteVersionTable = """
        CREATE TABLE IF NOT EXISTS sv_schema_version (
            version    INTEGER PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )
        """;

    /// <summary>The migrations for this database engine, in the order they apply.</summary>
    public IReadOnlyList<Migration> Migrations { get; } = Migration.Embedded(settings.Provider);

    /// <summary>The schema version this build brings a database to.</summary>
    public int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies the migrations the database lacks and returns its schema version afterwards.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginLockedTransactionAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction,
            settings.Provider == DatabaseProvider.Postgres ? PostgresVersionTable : SqliteVersionTable, cancellationToken);

        var current = Convert.ToInt32(await ScalarAsync(connection, transaction,
            "SELECT coalesce(max(version), 0) FROM sv_schema_version", cancellationToken));
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO sv_schema_version (version, name) VALUES (@version, @name)";
            AddParameter(record, "version", migration.Version);
            AddParameter(record, "name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            current = migration.Version;
        }
        await transaction.CommitAsync(cancellationToken);
        return current;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(settings.SqliteFilePath)!);
        }
        DbConnection connection = settings.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(settings.ConnectionString)
            : new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection)
        {
            // Readers then never wait for the writer. The mode is stored in the file, and cannot change inside a transaction.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        }
        return connection;
    }

    private static async Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresMigrationLock})", cancellationToken);
        return transaction;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One numbered SQL script, embedded as <c>Database/&lt;engine&gt;/NNNN_name.sql</c>.</summary>
    public sealed record Migration(int Version, string Name, string Sql)
    {
        internal static IReadOnlyList<Migration> Embedded(DatabaseProvider provider)
        {
            var assembly = typeof(Migration).Assembly;
            var folder = $"Database/{provider}/";
            var migrations = assembly.GetManifestResourceNames()
                .Where(resource => resource.StartsWith(folder, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
                .Select(resource => Read(assembly, resource, Path.GetFileNameWithoutExtension(resource[folder.Length..])))
                .OrderBy(migration => migration.Version)
                .ToList();
            if (migrations.Count == 0 || migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
            {
                throw new InvalidOperationException($"The embedded migrations under {folder} are missing or share a number.");
            }
            return migrations;
        }

        private static Migration Read(Assembly assembly, string resource, string name)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var number = name.Split('_', 2)[0];
            return int.TryParse(number, out var version)
                ? new Migration(version, name, reader.ReadToEnd())
                : throw new InvalidOperationException($"Migration {resource} must start with its number, as in 0001_name.sql.");
        }
    }
}
