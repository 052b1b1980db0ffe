using SocialValue.Runtime;

namespace SocialValue.Silo.Tests.TestGrains;

public interface IReminderProbeGrain : IRemindable
{
    Task ScheduleAsync(string name, TimeSpan due, TimeSpan? period);

    Task CancelAsync(string name);

    Task<IReadOnlyList<ReminderTick>> TicksAsync();
}

public sealed record ReminderTick(string Name, DateTimeOffset Due, DateTimeOffset Received);

public sealed class ReminderProbeState
{
    public List<ReminderTick> Ticks { get; set; } = [];
}

public sealed class ReminderProbeGrain(IGrainContext context, IPersistentState<ReminderProbeState> probe)
    : Grain(context), IReminderProbeGrain
{
    public Task ScheduleAsync(string name, TimeSpan due, TimeSpan? period) =>
        Context.RegisterOrUpdateReminderAsync(name, due, period);

    public Task CancelAsync(string name) => Context.UnregisterReminderAsync(name);

    public Task<IReadOnlyList<ReminderTick>> TicksAsync() => Task.FromResult<IReadOnlyList<ReminderTick>>(probe.State.Ticks);

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        probe.State.Ticks.Add(new ReminderTick(reminderName, status.CurrentTickTime, Context.Time.GetUtcNow()));
        await probe.WriteStateAsync();
    }
}
