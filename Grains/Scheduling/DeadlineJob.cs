using Hangfire;

namespace SocialValue.Scheduling;

/// <summary>The Hangfire job behind every deadline: it only calls the grain, whose handler is idempotent.</summary>
public sealed class DeadlineJob(IGrainFactory grains)
{
    /// <summary>Calls <see cref="IDeadlineGrain.OnDeadlineAsync"/> on the grain of interface <paramref name="grainInterface"/> and key <paramref name="key"/>.</summary>
    [AutomaticRetry(Attempts = 10)]
    public Task RunAsync(string grainInterface, string key, string deadline)
    {
        var type = typeof(IDeadlineGrain).Assembly.GetType(grainInterface, throwOnError: true)!;
        var grain = (IDeadlineGrain)grains.GetGrain(type, key);
        return grain.OnDeadlineAsync(deadline);
    }
}
