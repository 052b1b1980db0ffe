using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;
using SocialValue.Silo.Database;

namespace SocialValue.Silo;

/// <summary>The Orleans silo co-hosted in the ASP.NET Core process: storage and clustering, idle collection, filters, dashboard.</summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddSocialValueOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.UseOrleans(silo =>
        {
            silo.AddSocialValueStorage(configuration);
            silo.Configure<GrainCollectionOptions>(collection =>
            {
                collection.CollectionAge = configuration.GetValue("Orleans:CollectionAge", TimeSpan.FromMinutes(15));
                collection.CollectionQuantum = configuration.GetValue("Orleans:CollectionQuantum", TimeSpan.FromMinutes(1));
            });
            silo.Configure<ClusterMembershipOptions>(membership =>
            {
                // A Silo that stops heartbeating for two periods no longer blocks a newcomer from joining: after every
                // Silo crashed, the first to start again on another endpoint waits ~20 s instead of Orleans' 90 s.
                membership.IAmAliveTablePublishTimeout = configuration.GetValue("Orleans:IAmAlivePeriod", TimeSpan.FromSeconds(10));
                membership.NumMissedTableIAmAliveLimit = 2;
            });
            silo.AddOutgoingGrainCallFilter<RetryConflictOnceFilter>();
            // The dashboard samples every Orleans counter on each update, among them the grain directory cache's size,
            // which it counts entry by entry; once a second that was ~3-8% of a busy Silo's CPU. Every 10 s is enough
            // for its charts.
            silo.AddDashboard(dashboard => dashboard.CounterUpdateIntervalMs =
                (int)configuration.GetValue("Orleans:DashboardCounterInterval", TimeSpan.FromSeconds(10)).TotalMilliseconds);
        });
        return builder;
    }
}
