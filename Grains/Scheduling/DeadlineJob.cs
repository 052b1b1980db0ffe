using Hangfire;
using Hangfire.Server;

namespace SocialValue.Scheduling;

/// <summary>The Hangfire job behind every deadline: it only calls the grain, whose handler is idempotent.</summary>
public sealed class DeadlineJob(IGrainFactory grains)
{
    /// <summary>What Hangfire runs; it passes the running job's <paramref name="context"/> (scheduled with null).</summary>
    [AutomaticRetry(Attempts = 10)]
    public Task RunAsync(string grainInterface, string key, string deadline, PerformContext? context) =>
        CallGrainAsync(grainInterface, key, deadline, context?.BackgroundJob.Id ?? "");

    /// <summary>Calls <see cref="IDeadlineGrain.OnDeadlineAsync"/> on the grain of interface <paramref name="grainInterface"/> and key <paramref name="key"/>.</summary>
    public Task CallGrainAsync(string grainInterface, string key, string deadline, string jobId)
    {
        var type = typeof(IDeadlineGrain).Assembly.GetType(grainInterface, throwOnError: true)!;
        var grain = (IDeadlineGrain)grains.GetGrain(type, key);
        return grain.OnDeadlineAsync(deadline, jobId);
    }
}
