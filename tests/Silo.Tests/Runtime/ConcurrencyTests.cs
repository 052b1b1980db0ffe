using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialValue.Silo.Tests.Infrastructure;
using SocialValue.Silo.Tests.TestGrains;

namespace SocialValue.Silo.Tests.Runtime;

/// <summary>Orleans' one-call-at-a-time grains and ETag-checked storage, seen through HTTP.</summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_hundred_concurrent_increments_through_http_count_exactly_two_hundred(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var silo = await TestSilo.StartAsync(database, configureApp: MapCounter))
        {
            var client = silo.Client();
            var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.PostAsync("/test/counters/hot", null)));
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            var counts = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<int>()));

            Assert.Equal(Enumerable.Range(1, 200), counts.Order());
            Assert.Equal(200, await client.GetFromJsonAsync<int>("/test/counters/hot"));
        }
        await using var restarted = await TestSilo.StartAsync(database, configureApp: MapCounter);
        Assert.Equal(200, await restarted.Client().GetFromJsonAsync<int>("/test/counters/hot"));
    }

    [Fact]
    public async Task A_conflict_is_retried_once_and_a_second_conflict_reaches_the_caller_as_409()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database, configureApp: app =>
        {
            MapCounter(app);
            app.MapPost("/test/counters/{key}/contested", (string key, IGrainFactory grains) =>
                grains.GetGrain<ICounterGrain>(key).IncrementAgainstAnotherWriterAsync());
        });
        var client = silo.Client();

        await client.PostAsync("/test/counters/contested/contested", null).AssertProblemAsync(HttpStatusCode.Conflict);

        // Each attempt stored the other writer's copy of the count, never its own increment: nothing was acknowledged.
        Assert.Equal(0, await client.GetFromJsonAsync<int>("/test/counters/contested"));
    }

    [Fact]
    public async Task A_framework_copied_from_itself_is_refused_at_once_instead_of_waiting_on_its_own_turn()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);

        var problem = await silo.Client().PostAsJsonAsync("/api/frameworks", new { id = "mirror", name = "Mirror", copyFrom = "mirror" })
            .WaitAsync(TimeSpan.FromSeconds(10))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("copyFrom", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Client().GetAsync("/api/frameworks/mirror")).StatusCode);
    }

    private static void MapCounter(WebApplication app)
    {
        app.MapPost("/test/counters/{key}", (string key, IGrainFactory grains) => grains.GetGrain<ICounterGrain>(key).IncrementAsync());
        app.MapGet("/test/counters/{key}", (string key, IGrainFactory grains) => grains.GetGrain<ICounterGrain>(key).GetAsync());
    }
}
