using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialValue.Silo.Tests.Api;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Cluster;

/// <summary>Two Silos on one PostgreSQL behave as one service: each grain has one activation cluster-wide.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterConsistencyTests(TwoSilos cluster)
{
    [Fact]
    public async Task Every_write_through_one_silo_is_read_at_once_through_the_other()
    {
        const string path = "/api/organisations/alternating";
        var created = await cluster.A.Client().PostJsonAsync("/api/organisations",
            new { id = "alternating", name = "Write 0", type = "Vcfse", place = "Halton" });
        await created.AssertJsonAsync(HttpStatusCode.Created);
        var etag = created.Headers.ETag;

        for (var i = 0; i < 40; i++)
        {
            var (writer, reader) = (cluster.Alternate(i).Client(), cluster.Alternate(i + 1).Client());
            var name = $"Write {i + 1}";
            var written = await writer.PutAsJsonAsync(path, new { name, type = "Vcfse", place = "Halton" });
            await written.AssertJsonAsync(HttpStatusCode.OK);
            Assert.NotEqual(etag, written.Headers.ETag);
            etag = written.Headers.ETag;

            var read = await reader.GetAsync(path);
            Assert.Equal(name, (await read.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
            Assert.Equal(etag, read.Headers.ETag);
        }
    }

    [Fact]
    public async Task Concurrent_creates_through_both_silos_all_land_and_each_silo_lists_every_one()
    {
        const int count = 30;
        var creates = Enumerable.Range(0, count).Select(async i =>
        {
            var id = $"concurrent-{i:D2}";
            var response = await cluster.Alternate(i).Client().PostJsonAsync("/api/organisations",
                new { id, name = $"Concurrent {i}", type = "BusinessAndIndustry", place = "Wirral" });
            Assert.True(response.StatusCode == HttpStatusCode.Created,
                $"creating {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return id;
        });
        var acknowledged = await Task.WhenAll(creates);

        Assert.Equal(count, acknowledged.Distinct().Count());
        foreach (var (id, i) in acknowledged.Select((id, i) => (id, i)))
        {
            var read = await cluster.Alternate(i + 1).Client().GetAsync($"/api/organisations/{id}").AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal($"Concurrent {i}", read.GetProperty("name").GetString());
        }
        foreach (var silo in new[] { cluster.A, cluster.B })
        {
            var listed = await silo.Client().GetAsync("/api/organisations").AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(acknowledged.Order(), listed.EnumerateArray().Select(o => o.GetProperty("id").GetString()!)
                .Where(id => id.StartsWith("concurrent-", StringComparison.Ordinal)).Order());
        }
    }

    [Fact]
    public async Task Concurrent_action_updates_on_one_organisation_through_both_silos_all_land()
    {
        const string maturity = "/api/organisations/walsall/maturity";
        await cluster.A.Client().PostJsonAsync("/api/organisations",
            new { id = "walsall", name = "Walsall Council", type = "LocalAuthority", place = "Walsall" }).AssertJsonAsync(HttpStatusCode.Created);
        var assessed = await cluster.B.Client().PutAsJsonAsync(maturity, MaturityApiTests.WalsallAssessment).AssertJsonAsync(HttpStatusCode.OK);
        var actions = ActionIds(assessed);
        Assert.Equal(18, actions.Count);

        var updates = actions.Select(async (action, i) =>
        {
            var response = await cluster.Alternate(i).Client().PatchAsJsonAsync($"{maturity}/actions/{action}", new { owner = $"Owner of {action}" });
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"updating {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        });
        await Task.WhenAll(updates);

        foreach (var silo in new[] { cluster.A, cluster.B })
        {
            var read = await silo.Client().GetAsync(maturity).AssertJsonAsync(HttpStatusCode.OK);
            var owners = Actions(read).ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("owner").GetString());
            Assert.Equal(actions.Order(), owners.Keys.Order());
            Assert.All(owners, owner => Assert.Equal($"Owner of {owner.Key}", owner.Value));
        }
    }

    private static IEnumerable<JsonElement> Actions(JsonElement maturity) =>
        maturity.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("actions").EnumerateArray());

    private static List<string> ActionIds(JsonElement maturity) => [.. Actions(maturity).Select(a => a.GetProperty("id").GetString()!)];
}
