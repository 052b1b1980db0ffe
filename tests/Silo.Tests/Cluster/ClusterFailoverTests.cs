using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SocialValue.Silo.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialValue.Silo.Tests.Cluster;

/// <summary>A Silo killed without warning: its grains come back on the survivor, and callers meet 503s meanwhile, never 500s.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(30);

    private readonly TwoSilos _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task After_one_silo_is_killed_the_other_serves_every_grain_within_thirty_seconds()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"failover-{i:D2}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await _cluster.Alternate(i).Client().PostJsonAsync("/api/organisations", new { id, name = id, type = "Vcfse", place = "Sefton" })
                .AssertJsonAsync(HttpStatusCode.Created);
        }
        // Each Silo reads every organisation, so activations (and the index) live on both Silos when one dies.
        foreach (var silo in new[] { _cluster.A, _cluster.B })
        {
            foreach (var id in ids)
            {
                await silo.Client().GetAsync($"/api/organisations/{id}").AssertJsonAsync(HttpStatusCode.OK);
            }
        }

        await _cluster.B.KillAsync();
        var clock = Stopwatch.StartNew();
        var survivor = _cluster.A.Client();
        var unavailable = 0;
        foreach (var id in ids)
        {
            unavailable += await UntilServedAsync(clock, () => survivor.GetAsync($"/api/organisations/{id}"));
            unavailable += await UntilServedAsync(clock, () => survivor.PutAsJsonAsync($"/api/organisations/{id}",
                new { name = $"{id} after failover", type = "Vcfse", place = "Sefton" }));
        }

        output.WriteLine($"the survivor served every organisation {clock.Elapsed.TotalSeconds:F1}s after the kill, after {unavailable} 503s");
        Assert.True(clock.Elapsed < Failover, $"the survivor served every organisation only after {clock.Elapsed.TotalSeconds:F1}s");
        foreach (var id in ids)
        {
            var read = await survivor.GetAsync($"/api/organisations/{id}").AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal($"{id} after failover", read.GetProperty("name").GetString());
        }
        // Each rename was written even where its index update met the dead Silo; the list catches up with all of them.
        var expected = ids.Select(id => $"{id} after failover").Order().ToList();
        await Eventually.HoldsAsync(
            async () => await survivor.GetAsync("/api/organisations") is { StatusCode: HttpStatusCode.OK } listed
                ? (await listed.Content.ReadFromJsonAsync<List<NamedLine>>())!.Select(o => o.Name).Order().ToList()
                : [],
            names => names.SequenceEqual(expected), Failover, "the organisation list did not catch up with every rename");
        Assert.False(_cluster.A.HasExited, _cluster.A.Output);
    }

    private sealed record NamedLine(string Id, string Name);

    /// <summary>Sends until a 200, retrying after a 503 with Retry-After; any other status fails the test. Returns the 503s seen.</summary>
    private static async Task<int> UntilServedAsync(Stopwatch clock, Func<Task<HttpResponseMessage>> send)
    {
        for (var unavailable = 0; ; unavailable++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return unavailable;
            }
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"after {clock.Elapsed.TotalSeconds:F1}s: {(int)response.StatusCode} {body}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.True(clock.Elapsed < Failover, $"still 503 after {clock.Elapsed.TotalSeconds:F1}s: {body}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
