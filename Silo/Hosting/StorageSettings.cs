using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace SocialValue.Silo;

/// <summary>
/// <c>Storage:Provider</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>) and <c>ConnectionStrings:SocialValue</c>:
/// where grain state, cluster membership and scheduled jobs live.
/// </summary>
public sealed record StorageSettings(bool IsPostgres, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/socialvalue.db";

    public static StorageSettings From(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("SocialValue");
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => new StorageSettings(false, string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString),
            "postgres" or "postgresql" => new StorageSettings(true, !string.IsNullOrWhiteSpace(connectionString) ? connectionString
                : throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:SocialValue is not set.")),
            _ => throw new InvalidOperationException($"Storage:Provider must be Sqlite or Postgres, not '{provider}'."),
        };
    }

    /// <summary>The SQLite database file, made absolute against the working directory.</summary>
    public string SqlitePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
}
