using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace SocialValue.Silo;

/// <summary>The Orleans silo co-hosted in the ASP.NET Core process: identity, endpoints, storage, clustering and filters.</summary>
public static class OrleansHosting
{
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    public static WebApplicationBuilder AddSocialValueOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = configuration["Orleans:ClusterId"] ?? "socialvalue";
                cluster.ServiceId = configuration["Orleans:ServiceId"] ?? "socialvalue";
            });
            silo.ConfigureEndpoints(
                IPAddress.Parse(configuration["Orleans:AdvertisedIPAddress"] ?? "127.0.0.1"),
                configuration.GetValue("Orleans:SiloPort", DefaultSiloPort),
                configuration.GetValue("Orleans:GatewayPort", DefaultGatewayPort),
                listenOnAnyHostAddress: configuration.GetValue("Orleans:ListenOnAnyHostAddress", false));
            silo.Configure<GrainCollectionOptions>(collection =>
            {
                collection.CollectionAge = configuration.GetValue("Orleans:CollectionAge", TimeSpan.FromMinutes(15));
                collection.CollectionQuantum = configuration.GetValue("Orleans:CollectionQuantum", TimeSpan.FromMinutes(1));
            });
            silo.AddSocialValueStorage(configuration);
            silo.AddOutgoingGrainCallFilter<RetryConflictOnceFilter>();
            silo.AddDashboard();
        });
        return builder;
    }
}
