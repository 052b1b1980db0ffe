using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SocialValue.Scheduling;
using SocialValue.Silo.Database;

namespace SocialValue.Silo.Scheduling;

/// <summary>Hangfire for the grains' business deadlines, on the same PostgreSQL server or beside the SQLite file.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The schema Hangfire creates and owns on PostgreSQL.</summary>
    public const string PostgresSchema = "hangfire";

    // Spells "svhangfi"; distinct from the project's own schema lock, so the two never wait on each other.
    private const long PostgresSchemaLock = 0x7376_6861_6e67_6669;

    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = DatabaseSettings.FromConfiguration(configuration);
        var pollInterval = configuration.GetValue("Scheduling:PollInterval", TimeSpan.FromSeconds(15));
        // This host's own storage, registered before AddHangfire: Hangfire would otherwise hand every host in the
        // process the static JobStorage.Current, so two Silos in one process (tests) would schedule into each other.
        services.AddSingleton<JobStorage>(_ => CreateStorage(storage, pollInterval));
        services.AddHangfire((provider, hangfire) => hangfire
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((provider, server) =>
        {
            // Jobs are built from this host's services; Hangfire's default is the process-wide JobActivator.Current.
            server.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            server.SchedulePollingInterval = pollInterval;
            server.WorkerCount = configuration.GetValue("Scheduling:Workers", Math.Max(2, Environment.ProcessorCount));
        });
        services.AddSingleton<Deadlines>();
        services.AddTransient<DeadlineJob>();
        return services;
    }

    private static JobStorage CreateStorage(DatabaseSettings storage, TimeSpan pollInterval)
    {
        if (storage.Provider == DatabaseProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions { SchemaName = PostgresSchema, QueuePollInterval = pollInterval };
            return InTurn(storage.ConnectionString, () => new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, options), options));
        }
        // Its own file: Hangfire's polling writes never wait on, or hold up, grain writes.
        var file = SchedulerFile(storage.SqliteFilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return new SQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = pollInterval });
    }

    // Hangfire.PostgreSql creates its schema in the storage's constructor, unguarded: Silos starting together on a new
    // database both ran CREATE SCHEMA and one logged a unique violation and left the rest of the install to the other.
    // A session-level advisory lock makes them take turns; it is released explicitly, as a pooled connection keeps it.
    private static JobStorage InTurn(string connectionString, Func<JobStorage> createStorage)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, $"SELECT pg_advisory_lock({PostgresSchemaLock})");
        try
        {
            return createStorage();
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({PostgresSchemaLock})");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Where Hangfire keeps its jobs beside the grains' SQLite database: <c>socialvalue.db</c> → <c>socialvalue.scheduler.db</c>.</summary>
    public static string SchedulerFile(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath) ?? "", Path.GetFileNameWithoutExtension(databasePath) + ".scheduler.db");
}
