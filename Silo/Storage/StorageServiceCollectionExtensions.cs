using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace SocialValue.Silo.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "SocialValue";
    public const string DefaultSqliteConnectionString = "Data Source=data/socialvalue.db";

    /// <summary>Grain storage on SQLite (default) or PostgreSQL per <c>Storage:Provider</c>; the schema is created on start.</summary>
    public static IServiceCollection AddGrainStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var (provider, connectionString) = ReadStorageSettings(configuration);
        services.AddSingleton<DbDataSource>(_ => provider == StorageProvider.Postgres
            ? NpgsqlDataSource.Create(connectionString)
            : SqliteFactory.Instance.CreateDataSource(connectionString));
        services.AddSingleton<IGrainStorage>(sp => new AdoGrainStorage(
            sp.GetRequiredService<DbDataSource>(),
            provider == StorageProvider.Postgres ? StorageDialect.Postgres : StorageDialect.Sqlite));
        services.AddHostedService<StorageInitializer>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    /// <summary>The provider and connection string; for SQLite, the database's folder is created when missing.</summary>
    public static (StorageProvider Provider, string ConnectionString) ReadStorageSettings(IConfiguration configuration)
    {
        var provider = configuration.GetValue("Storage:Provider", StorageProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == StorageProvider.Postgres)
        {
            return (provider, string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Storage:Provider is Postgres: set ConnectionStrings:SocialValue.")
                : connectionString);
        }
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return (provider, sqlite.ConnectionString);
    }

    private sealed class StorageInitializer(IGrainStorage storage) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class StorageHealthCheck(DbDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy("The database answers.");
            }
            catch (DbException e)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }
}
