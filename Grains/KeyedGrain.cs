using Orleans.Runtime;

namespace SocialValue;

/// <summary>Base of the service's grains: Orleans' <see cref="Grain"/>, identified by a string key (a resource's slug).</summary>
public abstract class KeyedGrain : Grain
{
    private static readonly TimeSpan FollowUpRetry = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, Func<Task>> _followUps = [];
    private IGrainTimer? _followUpTimer;

    /// <summary>The grain's key.</summary>
    protected string Key => this.GetPrimaryKeyString();

    /// <summary>
    /// Runs <paramref name="update"/>, a follow-up of a change already written (an index entry, the register): when the
    /// grain it calls is out of reach (its Silo just died and the cluster has not yet moved it), the change stands and
    /// this grain retries the follow-up every few seconds until it lands, instead of failing a request that succeeded.
    /// <paramref name="update"/> must derive what it sends from the state at the time it runs; the latest follow-up of a
    /// <paramref name="name"/> replaces a waiting one.
    /// </summary>
    protected async Task FollowUpAsync(string name, Func<Task> update)
    {
        try
        {
            await update();
        }
        catch (Exception e) when (IsOutOfReach(e))
        {
            _followUps[name] = update;
            _followUpTimer ??= this.RegisterGrainTimer(RetryFollowUpsAsync,
                new GrainTimerCreationOptions(FollowUpRetry, FollowUpRetry) { KeepAlive = true });
        }
    }

    private async Task RetryFollowUpsAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, update) in _followUps.ToList())
        {
            try
            {
                await update();
                _followUps.Remove(name);
            }
            catch (Exception e) when (IsOutOfReach(e))
            {
                return;
            }
        }
        _followUpTimer?.Dispose();
        _followUpTimer = null;
    }

    private static bool IsOutOfReach(Exception e) => e is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException;
}
