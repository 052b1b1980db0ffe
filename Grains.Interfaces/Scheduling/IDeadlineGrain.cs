namespace SocialValue.Scheduling;

/// <summary>A grain with business deadlines (Kite Mark expiry, maturity review, quarterly returns) that the scheduler calls.</summary>
public interface IDeadlineGrain : IGrainWithStringKey
{
    /// <summary>
    /// The scheduler's job <paramref name="jobId"/> for the deadline named <paramref name="deadline"/> is running.
    /// Idempotent: firing twice, late or after a restart changes nothing more than firing once on time; a job the grain
    /// no longer keeps (the deadline moved or passed) changes nothing; the grain's own job running before the due
    /// time (another machine's clock runs ahead) leaves a new job for the real due time.
    /// </summary>
    Task OnDeadlineAsync(string deadline, string jobId);
}
