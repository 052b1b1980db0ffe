using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using SocialValue.Indexes;

namespace SocialValue.Silo.Database;

/// <summary>Wires the Silo's database into Orleans: schema, grain storage and clustering.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>The name grains give their state's storage: <c>[PersistentState("&lt;state&gt;", "store")]</c>.</summary>
    public const string StorageName = "store";

    /// <summary>
    /// Reads <c>Storage:Provider</c>, <c>ConnectionStrings:SocialValue</c> and the <c>Orleans:*</c> settings, then:
    /// applies the schema when the Silo starts; adds the grain storage <see cref="StorageName"/> (Orleans' ADO.NET storage
    /// on PostgreSQL, <see cref="SqliteGrainStorage"/> on SQLite; state as <see cref="JsonGrainStorageSerializer"/> JSON)
    /// and the index grains' <see cref="IIndexStore"/>; and sets up clustering: ADO.NET membership on PostgreSQL, localhost
    /// clustering on SQLite, where a second Silo on the same file is refused at start. <c>Orleans:ClusterId</c> and
    /// <c>Orleans:ServiceId</c> default to <c>socialvalue</c>, <c>Orleans:SiloPort</c> to 11111 and
    /// <c>Orleans:GatewayPort</c> to 30000; <c>Orleans:AdvertisedIPAddress</c> (default 127.0.0.1) matters on
    /// PostgreSQL only, as localhost clustering always uses the loopback address.
    /// </summary>
    public static ISiloBuilder AddSocialValueStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = DatabaseSettings.FromConfiguration(configuration);
        var clusterId = configuration["Orleans:ClusterId"] ?? "socialvalue";
        var serviceId = configuration["Orleans:ServiceId"] ?? "socialvalue";
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);

        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DatabaseStartup>();
        silo.Services.AddSingleton<IIndexStore>(services => new DatabaseIndexStore(
            settings, services.GetRequiredService<IOptions<ClusterOptions>>(), services.GetService<SqliteWriteQueue>()));
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            silo.AddAdoNetGrainStorage(StorageName, options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = settings.StorageConnectionString;
                options.GrainStorageSerializer = new JsonGrainStorageSerializer();
            });
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = settings.ConnectionString;
            });
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = serviceId;
            });
            silo.ConfigureEndpoints(
                IPAddress.Parse(configuration["Orleans:AdvertisedIPAddress"] ?? "127.0.0.1"), siloPort, gatewayPort);
        }
        else
        {
            // The Silo's own grain storage, writing the same rows through the write queue the index store also uses,
            // so that the writes queued meanwhile commit together.
            silo.Services.AddSingleton<SqliteWriteQueue>();
            silo.Services.AddKeyedSingleton<IGrainStorage, SqliteGrainStorage>(StorageName);
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
        }
        return silo;
    }
}
