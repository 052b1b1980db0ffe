using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

public sealed class PostgresClusteringTests
{
    [Fact]
    public async Task Two_silos_on_one_postgres_form_one_cluster_that_clients_find_and_a_stopped_silo_can_be_cleaned_up()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var first = await TestSilos.StartAsync(database);
        var second = await TestSilos.StartAsync(database);

        await Eventually.HoldsAsync(
            async () => (await ActiveSilosAsync(first), await ActiveSilosAsync(second)),
            counts => counts == (2, 2), TimeSpan.FromSeconds(20), "each silo sees two active silos");
        Assert.Equal(["3", "3"], await database.ColumnAsync("SELECT status FROM sv_membership WHERE deployment_id = 'socialvalue'"));

        await first.Grains().GetGrain<IStorageProbeGrain>("shared").SetAsync("one activation", ProbeKind.Approved);
        Assert.Equal("one activation", (await second.Grains().GetGrain<IStorageProbeGrain>("shared").GetAsync()).Text);

        using var client = await ConnectClientAsync(database);
        Assert.Equal("one activation", (await client.Services.GetRequiredService<IClusterClient>()
            .GetGrain<IStorageProbeGrain>("shared").GetAsync()).Text);
        await client.StopAsync();

        await second.StopAndDisposeAsync();
        Assert.Contains("6", await database.ColumnAsync("SELECT status FROM sv_membership"));

        var table = first.Services.GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(["3"], await database.ColumnAsync("SELECT status FROM sv_membership"));
        await first.StopAndDisposeAsync();
    }

    private static async Task<int> ActiveSilosAsync(IHost host) =>
        (await host.Grains().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    private static async Task<IHost> ConnectClientAsync(TestDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = database.ConnectionString;
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "socialvalue";
                options.ServiceId = "socialvalue";
            }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
