namespace SocialValue.Scheduling;

/// <summary>A grain with business deadlines (Kite Mark expiry, maturity review, quarterly returns) that the scheduler calls.</summary>
public interface IDeadlineGrain : IGrainWithStringKey
{
    /// <summary>
    /// The deadline named <paramref name="deadline"/> may have fallen due. Idempotent: firing twice, late or after a
    /// restart changes nothing more than firing once on time, and a deadline moved or no longer pending changes nothing.
    /// </summary>
    Task OnDeadlineAsync(string deadline);
}
