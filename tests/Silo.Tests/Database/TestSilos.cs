using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
using SocialValue.Silo.Database;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

/// <summary>Minimal Orleans hosts over <see cref="StorageSiloBuilderExtensions.AddSocialValueStorage"/>, each on its own ports in 21000-21999.</summary>
internal static class TestSilos
{
    private static int _lastPort = 20999;

    public static IHost Build(TestDatabase database, string clusterId = "socialvalue")
    {
        var siloPort = Interlocked.Add(ref _lastPort, 2) - 1;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider,
            ["ConnectionStrings:SocialValue"] = database.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:SiloPort"] = siloPort.ToString(),
            ["Orleans:GatewayPort"] = (siloPort + 1).ToString(),
        });
        builder.UseOrleans(silo => silo.AddSocialValueStorage(builder.Configuration));
        return builder.Build();
    }

    public static async Task<IHost> StartAsync(TestDatabase database, string clusterId = "socialvalue")
    {
        var host = Build(database, clusterId);
        await host.StartAsync();
        return host;
    }

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task StopAndDisposeAsync(this IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }
}
