using Hangfire;
using Hangfire.States;

namespace SocialValue.Scheduling;

/// <summary>
/// Schedules a grain's business deadlines as Hangfire delayed jobs. A grain schedules before it writes (so an
/// acknowledged deadline always has a job) and cancels the old job after it writes; because every handler is
/// idempotent, a job left behind by a failed write finds nothing to do.
/// </summary>
public sealed class Deadlines(IBackgroundJobClient jobs)
{
    /// <summary>How early, by a grain's clock, a job may call and still count as due: clocks of two machines differ a little.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Schedules the call of <see cref="IDeadlineGrain.OnDeadlineAsync"/> on grain <typeparamref name="TGrain"/>
    /// <paramref name="key"/> at <paramref name="due"/>; keeps <paramref name="current"/> when it is due then already.
    /// </summary>
    public ScheduledDeadline Schedule<TGrain>(string key, string deadline, DateTimeOffset due, ScheduledDeadline? current)
        where TGrain : IDeadlineGrain
    {
        if (current is not null && current.Due == due)
        {
            return current;
        }
        var jobId = jobs.Create<DeadlineJob>(
            job => job.RunAsync(typeof(TGrain).FullName!, key, deadline, null),
            new ScheduledState(due.UtcDateTime));
        return new ScheduledDeadline(due, jobId);
    }

    /// <summary>Deletes the job of <paramref name="replaced"/> unless it is still <paramref name="kept"/>'s; call after the write.</summary>
    public void Release(ScheduledDeadline? replaced, ScheduledDeadline? kept)
    {
        if (replaced is not null && replaced.JobId != kept?.JobId)
        {
            jobs.Delete(replaced.JobId);
        }
    }
}
