using System.Net;
using System.Net.Http.Json;
using SocialValue.Silo.Tests.Infrastructure;
using SocialValue.Silo.Tests.TestGrains;

namespace SocialValue.Silo.Tests.Runtime;

public sealed class RestartTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Acknowledged_writes_survive_a_restart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ids = Enumerable.Range(1, 10).Select(i => $"org-{i}").ToList();
        await using (var silo = await TestSilo.StartAsync(database))
        {
            var client = silo.Client();
            var created = await Task.WhenAll(ids.Select(id => client.PostAsJsonAsync("/api/organisations",
                new { id, name = $"Organisation {id}", type = "NhsProvider", place = "Cheshire & Merseyside" })));
            Assert.All(created, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
            await silo.Grains.GetGrain<ICounterGrain>("durable").IncrementAsync();
        }

        await using var restarted = await TestSilo.StartAsync(database);
        var list = await restarted.Client().GetFromJsonAsync<List<OrganisationLine>>("/api/organisations");
        Assert.Equal(ids.Order(), list!.Select(o => o.Id).Order());
        Assert.Equal(1, await restarted.Grains.GetGrain<ICounterGrain>("durable").GetAsync());
    }

    private sealed record OrganisationLine(string Id);
}
