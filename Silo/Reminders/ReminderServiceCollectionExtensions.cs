using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SocialValue.Silo.Runtime;
using SocialValue.Silo.Storage;

namespace SocialValue.Silo.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Grain reminders on Quartz with its ADO.NET store in the same database as grain state; Quartz creates its
    /// own tables. On PostgreSQL the Silos form a Quartz cluster, so each firing runs on exactly one of them.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        var (provider, connectionString) = StorageServiceCollectionExtensions.ReadStorageSettings(configuration);
        services.AddSingleton<IReminderRegistry, QuartzReminderRegistry>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "SocialValue";
                scheduler.GenerateInstanceId = true;
                scheduler.IdleWaitTime = options.IdleWaitTime;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                if (provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
