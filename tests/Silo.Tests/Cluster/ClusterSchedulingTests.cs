using System.Net;
using SocialValue.Silo.Tests.Api;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Cluster;

/// <summary>Hangfire on two Silos sharing one database: a deadline's job runs once, wherever it runs.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterSchedulingTests(TwoSilos cluster)
{
    [Fact]
    public async Task A_five_second_award_expires_exactly_once_with_both_silos_running_hangfire_workers()
    {
        await Eventually.HoldsAsync(() => cluster.ScalarAsync("SELECT count(*) FROM hangfire.server"), servers => servers == 2,
            TimeSpan.FromSeconds(60), "both Silos run a Hangfire server on the shared database");
        var parties = await KiteMarkParties.CreateAsync(key => cluster.A.Client(key));
        await parties.DefineFiveSecondSchemeAsync();
        await parties.AwardAsync("cluster-expiry", "five-seconds");

        var reader = cluster.B.Client();
        await Eventually.HoldsAsync(
            async () => await reader.GetAsync("/api/kitemark/applications/cluster-expiry").AssertJsonAsync(HttpStatusCode.OK),
            application => application.GetProperty("state").GetString() == "Expired", TimeSpan.FromSeconds(60), "the award did not expire");
        // Once no job for the application is waiting or running, nothing else can fire Expire.
        await Eventually.HoldsAsync(() => cluster.ScalarAsync(
                "SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%cluster-expiry%' AND statename IN ('Scheduled', 'Enqueued', 'Processing')"),
            pending => pending == 0, TimeSpan.FromSeconds(60), "the expiry job finished");

        foreach (var silo in new[] { cluster.A, cluster.B })
        {
            var application = await silo.Client().GetAsync("/api/kitemark/applications/cluster-expiry").AssertJsonAsync(HttpStatusCode.OK);
            var expiry = Assert.Single(application.GetProperty("history").EnumerateArray(), h => h.GetProperty("trigger").GetString() == "Expire");
            Assert.Equal("scheduler", expiry.GetProperty("actor").GetString());
            Assert.Equal("Expired", application.GetProperty("state").GetString());
        }
        Assert.Equal(1, await cluster.ScalarAsync(
            "SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%cluster-expiry%' AND statename = 'Succeeded'"));
    }
}
