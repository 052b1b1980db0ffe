using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using SocialValue.Silo.Database;

namespace SocialValue.Silo;

/// <summary>The <c>storage</c> entry of <c>/health</c>: whether the database answers a trivial query.</summary>
public sealed class StorageHealthCheck(DatabaseSettings storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using DbConnection connection = storage.Provider == DatabaseProvider.Postgres
                ? new NpgsqlConnection(storage.ConnectionString)
                : new SqliteConnection(storage.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
