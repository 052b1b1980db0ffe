using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialValue.Silo.Storage;
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

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_reminder_registered_before_a_stop_fires_after_the_start(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var silo = await TestSilo.StartAsync(database))
        {
            await silo.Grains.GetGrain<IReminderProbeGrain>("patient").ScheduleAsync("wake-up", TimeSpan.FromSeconds(2), null);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using var restarted = await TestSilo.StartAsync(database);
        var probe = restarted.Grains.GetGrain<IReminderProbeGrain>("patient");
        var ticks = await Eventually.HoldsAsync(probe.TicksAsync, t => t.Count > 0, TimeSpan.FromSeconds(30),
            "the reminder registered before the stop never fired");

        Assert.Equal("wake-up", Assert.Single(ticks).Name);
    }

    [Fact]
    public async Task An_unregistered_reminder_does_not_fire()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);
        var probe = silo.Grains.GetGrain<IReminderProbeGrain>("cancelled");
        await probe.ScheduleAsync("never", TimeSpan.FromSeconds(1), null);
        await probe.ScheduleAsync("control", TimeSpan.FromSeconds(2), null);

        await probe.CancelAsync("never");

        var ticks = await Eventually.HoldsAsync(probe.TicksAsync, t => t.Count > 0, TimeSpan.FromSeconds(30), "the control reminder never fired");
        Assert.Equal(["control"], ticks.Select(t => t.Name));
    }

    [Fact]
    public async Task With_two_silos_on_one_postgres_each_firing_is_delivered_once()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await TestSilo.StartAsync(database);
        await using var second = await TestSilo.StartAsync(database);
        await first.Grains.GetGrain<IReminderProbeGrain>("clustered").ScheduleAsync("beat", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        // Each Silo has its own activation, so read what was stored rather than one activation's memory.
        var ticks = await Eventually.HoldsAsync(() => StoredTicksAsync(first, "clustered"),
            t => t.Count >= 6, TimeSpan.FromSeconds(40), "the periodic reminder did not fire six times");
        await first.Grains.GetGrain<IReminderProbeGrain>("clustered").CancelAsync("beat");

        var firings = ticks.GroupBy(t => t.Due).ToList();
        Assert.All(firings, firing => Assert.Single(firing));
    }

    private static async Task<IReadOnlyList<ReminderTick>> StoredTicksAsync(TestSilo silo, string key)
    {
        var stored = await silo.Services.GetRequiredService<IGrainStorage>()
            .ReadAsync(new StateAddress(nameof(ReminderProbeGrain), key, "probe"));
        return stored?.Payload is { } payload
            ? JsonSerializer.Deserialize<ReminderProbeState>(payload, JsonSerializerOptions.Web)!.Ticks
            : [];
    }

    private sealed record OrganisationLine(string Id);
}
