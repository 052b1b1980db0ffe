using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using SocialValue.Silo.Database;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

/// <summary>Every operation of Orleans' ADO.NET membership table and gateway list against the project's PostgreSQL queries.</summary>
public sealed class MembershipTableTests
{
    private const string ClusterId = "contract";

    [Fact]
    public async Task Rows_are_inserted_and_updated_only_at_the_current_table_version()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var table = await OpenTableAsync(database);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var alpha = Entry(1, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(alpha, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Entry(2, SiloStatus.Joining), empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(alpha, (await table.ReadAllAsync()).Version.Next()));

        var read = await table.ReadRowAsync(alpha.SiloAddress);
        var (stored, etag) = Assert.Single(read.Members);
        Assert.Equal(1, read.Version.Version);
        Assert.Equal(alpha.SiloAddress, stored.SiloAddress);
        Assert.Equal(alpha.SiloName, stored.SiloName);
        Assert.Equal(alpha.HostName, stored.HostName);
        Assert.Equal(alpha.ProxyPort, stored.ProxyPort);
        Assert.Equal(SiloStatus.Joining, stored.Status);

        stored.Status = SiloStatus.Active;
        stored.AddOrUpdateSuspector(Entry(9, SiloStatus.Active).SiloAddress, DateTime.UtcNow, maxVotes: 2);
        Assert.False(await table.UpdateRowAsync(stored, empty.Version.VersionEtag, empty.Version.Next()));
        Assert.True(await table.UpdateRowAsync(stored, etag, read.Version.Next()));

        var updated = Assert.Single((await table.ReadAllAsync()).Members).Item1;
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Single(updated.SuspectTimes!);

        var heartbeat = DateTime.UtcNow.AddSeconds(5);
        updated.IAmAliveTime = heartbeat;
        await table.UpdateIAmAliveAsync(updated);
        var afterHeartbeat = await table.ReadRowAsync(alpha.SiloAddress);
        Assert.Equal(2, afterHeartbeat.Version.Version);
        Assert.Equal(heartbeat, afterHeartbeat.Members[0].Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));

        Assert.Empty((await table.ReadRowAsync(Entry(2, SiloStatus.Active).SiloAddress)).Members);
    }

    [Fact]
    public async Task Gateways_are_the_active_silos_that_take_clients()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var table = await OpenTableAsync(database);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await InsertAsync(table, Entry(1, SiloStatus.Active));
        await InsertAsync(table, Entry(2, SiloStatus.Joining));
        await InsertAsync(table, Entry(3, SiloStatus.Active, gateway: false));

        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance, new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = "Npgsql", ConnectionString = database.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "socialvalue" }));
        await gateways.InitializeGatewayListProvider();

        var uri = Assert.Single(await gateways.GetGateways());
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, 30001, 7).ToGatewayUri(), uri);
    }

    [Theory]
    [InlineData("CleanupDefunctSiloEntryKey")]
    [InlineData("CleanupDefunctSiloEntriesKey")]
    public async Task Cleanup_removes_only_silos_dead_since_before_the_cutoff(string cleanupQuery)
    {
        await using var database = await TestDatabase.PostgresAsync();
        var table = await OpenTableAsync(database);
        if (cleanupQuery == "CleanupDefunctSiloEntriesKey")
        {
            // Without the per-row query the provider falls back to the older one-statement cleanup.
            await database.ExecuteAsync("DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
            table = await OpenTableAsync(database);
        }
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var longDead = Entry(1, SiloStatus.Dead, age: TimeSpan.FromHours(2));
        longDead.AddOrUpdateSuspector(Entry(9, SiloStatus.Active).SiloAddress, DateTime.UtcNow.AddHours(-2), maxVotes: 2);
        await InsertAsync(table, longDead, withSuspicions: true);
        await InsertAsync(table, Entry(2, SiloStatus.Dead));
        await InsertAsync(table, Entry(3, SiloStatus.Active, age: TimeSpan.FromHours(2)));

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(
            [Entry(2, SiloStatus.Dead).SiloAddress, Entry(3, SiloStatus.Active).SiloAddress],
            (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).OrderBy(a => a.Endpoint.Port));
    }

    [Fact]
    public async Task Deleting_the_cluster_forgets_its_version_and_members_but_not_other_clusters()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var table = await OpenTableAsync(database);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await InsertAsync(table, Entry(1, SiloStatus.Active));
        var other = await OpenTableAsync(database, "other");
        await other.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await InsertAsync(other, Entry(1, SiloStatus.Active));

        await table.DeleteMembershipTableEntriesAsync(ClusterId);

        Assert.Equal(["other"], await database.ColumnAsync("SELECT deployment_id FROM sv_membership_version"));
        Assert.Equal(["other"], await database.ColumnAsync("SELECT deployment_id FROM sv_membership"));
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        Assert.Empty((await table.ReadAllAsync()).Members);
    }

    private static async Task<AdoNetClusteringTable> OpenTableAsync(TestDatabase database, string clusterId = ClusterId)
    {
        await new DatabaseSchema(DatabaseSchemaTests.Settings(database)).ApplyAsync();
        return new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "socialvalue" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = database.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
    }

    // Inserts as joining, then sets status and suspicions the way Orleans does: in an update at the next version.
    private static async Task InsertAsync(AdoNetClusteringTable table, MembershipEntry entry, bool withSuspicions = false)
    {
        var status = entry.Status;
        var suspicions = entry.SuspectTimes;
        entry.Status = SiloStatus.Joining;
        entry.SuspectTimes = null;
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        entry.Status = status;
        entry.SuspectTimes = withSuspicions ? suspicions : null;
        var current = await table.ReadAllAsync();
        Assert.True(await table.UpdateRowAsync(entry, current.Version.VersionEtag, current.Version.Next()));
    }

    private static MembershipEntry Entry(int silo, SiloStatus status, TimeSpan age = default, bool gateway = true)
    {
        var time = DateTime.UtcNow - age;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, 21900 + silo, 7),
            SiloName = $"silo-{silo}",
            HostName = "test-host",
            Status = status,
            ProxyPort = gateway ? 30000 + silo : 0,
            StartTime = time,
            IAmAliveTime = time,
        };
    }
}
