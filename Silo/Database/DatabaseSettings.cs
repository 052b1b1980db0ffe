using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace SocialValue.Silo.Database;

/// <summary>The database engines the Silo can keep its grain state in.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file, for one Silo (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, which several Silos share as one cluster.</summary>
    Postgres,
}

/// <summary>
/// Where the Silo's database is: <c>Storage:Provider</c> (<c>Sqlite</c> by default, or <c>Postgres</c>) and
/// <c>ConnectionStrings:SocialValue</c>. A SQLite path is resolved against the working directory, so the Silo and
/// Orleans' storage open the same file whatever directory they run from later.
/// </summary>
public sealed record DatabaseSettings
{
    /// <summary>The SQLite database used when no connection string is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/socialvalue.db";

    private DatabaseSettings(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        StorageConnectionString = provider == DatabaseProvider.Postgres ? WithPooledStatements(connectionString) : connectionString;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string, with a SQLite path made absolute.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The connection string grain storage and the index store use. On PostgreSQL they open a pooled connection for
    /// each operation and set no session state, so a returned connection need not be reset (Npgsql's reset is extra
    /// work on the server for every operation) and each connection keeps its statements prepared (parsed and planned
    /// once instead of on every write). Each setting stays as configured when the connection string names it.
    /// </summary>
    public string StorageConnectionString { get; }

    /// <summary>The ADO.NET invariant Orleans' providers know the engine by (Microsoft.Data.Sqlite serves <c>System.Data.SQLite</c>).</summary>
    public string Invariant => Provider == DatabaseProvider.Postgres ? "Npgsql" : "System.Data.SQLite";

    /// <summary>The full path of the SQLite database file.</summary>
    public string SqliteFilePath => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : throw new InvalidOperationException("A PostgreSQL database has no SQLite file.");

    /// <summary>Reads the settings from configuration; throws with the setting's name when one is wrong or missing.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("SocialValue");
        return ReadProvider(configuration["Storage:Provider"]) switch
        {
            DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(connectionString) => throw new InvalidOperationException(
                "Storage:Provider is Postgres but ConnectionStrings:SocialValue is not set."),
            DatabaseProvider.Postgres => new DatabaseSettings(DatabaseProvider.Postgres, connectionString!),
            _ => Sqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString),
        };
    }

    private static string WithPooledStatements(string connectionString)
    {
        // NpgsqlConnectionStringBuilder answers ContainsKey for every keyword it knows, set or not, so what the
        // configured string itself names is read from a plain builder, keywords compared without spaces or case.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(keyword => keyword.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!named.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = 16;
        }
        if (!named.Contains("autoprepareminusages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    private static DatabaseProvider ReadProvider(string? name) =>
        string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : throw new InvalidOperationException($"Storage:Provider must be Sqlite or Postgres, not '{name}'.");

    private static DatabaseSettings Sqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException("ConnectionStrings:SocialValue must name a SQLite file: grain state has to outlive the process.");
        }
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ConnectionString);
    }
}
