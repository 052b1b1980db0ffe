using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialValue.Runtime;
using SocialValue.Silo.Runtime;
using SocialValue.Silo.Tests.Infrastructure;
using SocialValue.Silo.Tests.TestGrains;

namespace SocialValue.Silo.Tests.Runtime;

public sealed class GrainRuntimeTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_hundred_concurrent_increments_on_one_grain_count_exactly_two_hundred(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var silo = await TestSilo.StartAsync(database))
        {
            var counter = silo.Grains.GetGrain<ICounterGrain>("hot");
            var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(counter.IncrementAsync)));

            Assert.Equal(200, await counter.GetAsync());
            Assert.Equal(Enumerable.Range(1, 200), results.Order());
        }
        await using var restarted = await TestSilo.StartAsync(database);
        Assert.Equal(200, await restarted.Grains.GetGrain<ICounterGrain>("hot").GetAsync());
    }

    [Fact]
    public async Task Calls_run_one_at_a_time_in_arrival_order_even_across_awaits()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);
        var counter = silo.Grains.GetGrain<ICounterGrain>("ordered");

        var calls = Enumerable.Range(0, 20).Select(counter.TracedIncrementAsync).ToList();
        await Task.WhenAll(calls);

        var expected = Enumerable.Range(0, 20).SelectMany(i => new[] { $"enter {i}", $"leave {i}" });
        Assert.Equal(expected, await counter.TraceAsync());
    }

    [Fact]
    public async Task A_grain_calling_itself_fails_fast_instead_of_deadlocking()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);
        var counter = silo.Grains.GetGrain<ICounterGrain>("narcissus");

        var direct = await Assert.ThrowsAsync<GrainReentrancyException>(counter.CallSelfAsync).WaitAsync(TimeSpan.FromSeconds(5));
        var cycle = await Assert.ThrowsAsync<GrainReentrancyException>(() => counter.CallThroughOtherAsync("echo")).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("ICounterGrain/narcissus", direct.Message);
        Assert.Contains("ICounterGrain/echo", cycle.Message);
        Assert.Equal(0, await counter.GetAsync());
    }

    [Fact]
    public async Task Idle_activations_are_collected_and_come_back_with_their_state()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);
        var counter = silo.Grains.GetGrain<ICounterGrain>("sleepy");
        await counter.IncrementAsync();
        var deactivationsBefore = CounterGrain.Deactivations;
        var activationsBefore = await counter.ActivationsSeenAsync();

        var collected = await silo.Runtime.CollectIdleAsync(TimeSpan.Zero);

        Assert.True(collected >= 1);
        Assert.True(CounterGrain.Deactivations > deactivationsBefore);
        Assert.Equal(0, silo.Runtime.ActivationCount);
        Assert.Equal(1, await counter.GetAsync());
        Assert.True(await counter.ActivationsSeenAsync() > activationsBefore);
    }

    [Fact]
    public async Task Idle_collection_runs_by_itself_on_its_timer()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(
            database, ["--Runtime:CollectionAge=00:00:00.200", "--Runtime:CollectionInterval=00:00:00.100"]);
        await silo.Grains.GetGrain<ICounterGrain>("napping").IncrementAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(silo.Runtime.ActivationCount), count => count == 0,
            TimeSpan.FromSeconds(10), "the idle activation was not collected");
    }

    [Fact]
    public async Task Two_runtimes_on_one_postgres_lose_no_update_to_the_same_grain()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await TestSilo.StartAsync(database);
        await using var second = await TestSilo.StartAsync(database);

        var calls = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? first : second).Grains.GetGrain<ICounterGrain>("shared"));
        var outcomes = await Task.WhenAll(calls.Select(async counter =>
        {
            try
            {
                await counter.IncrementAsync();
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        var acknowledged = outcomes.Count(ok => ok);
        await using var reader = await TestSilo.StartAsync(database);
        Assert.Equal(acknowledged, await reader.Grains.GetGrain<ICounterGrain>("shared").GetAsync());
        Assert.True(acknowledged >= 50, $"only {acknowledged} of 100 increments were acknowledged");
    }

    [Fact]
    public async Task A_stale_activation_reloads_and_runs_the_call_again()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await TestSilo.StartAsync(database);
        await using var second = await TestSilo.StartAsync(database);
        var onFirst = first.Grains.GetGrain<ICounterGrain>("stale");
        var onSecond = second.Grains.GetGrain<ICounterGrain>("stale");
        Assert.Equal(0, await onFirst.GetAsync());

        Assert.Equal(1, await onSecond.IncrementAsync());
        Assert.Equal(2, await onFirst.IncrementAsync());
        Assert.Equal(3, await onSecond.IncrementAsync());
    }

    [Fact]
    public async Task A_second_conflict_in_one_call_reaches_the_http_caller_as_409()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database, configureApp: app =>
            app.MapPost("/test/conflict", (IGrainFactory grains) =>
                grains.GetGrain<ICounterGrain>("contested").IncrementAgainstAnotherWriterAsync()));

        var response = await silo.Client().PostAsync("/test/conflict", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
