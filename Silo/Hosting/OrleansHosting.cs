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
            silo.AddOutgoingGrainCallFilter<RetryConflictOnceFilter>();
            silo.AddDashboard();
        });
        return builder;
    }
}
