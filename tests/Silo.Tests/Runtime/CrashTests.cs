using System.Net;
using System.Net.Http.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Runtime;

public sealed class CrashTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_acknowledged_write_survives_the_process_being_killed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var acknowledged = new List<string>();
        // A restarted Silo comes back on its configured endpoint, as scripts/run does.
        var endpoints = FreePort.OrleansEndpoints();
        await using (var silo = await SiloProcess.StartAsync(database, endpoints))
        {
            var client = silo.Client();
            var writes = Enumerable.Range(1, 30).Select(async i =>
            {
                var id = $"crash-{i}";
                var response = await client.PostAsJsonAsync("/api/organisations", new { id, name = id, type = "Vcfse", place = "Halton" });
                return response.StatusCode == HttpStatusCode.Created ? id : null;
            });
            acknowledged.AddRange((await Task.WhenAll(writes)).OfType<string>());
            await silo.KillAsync();
        }

        await using var restarted = await SiloProcess.StartAsync(database, endpoints);
        var client2 = restarted.Client();
        Assert.Equal(30, acknowledged.Count);
        foreach (var id in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await client2.GetAsync($"/api/organisations/{id}")).StatusCode);
        }
    }
}
