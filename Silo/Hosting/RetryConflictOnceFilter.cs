using Orleans.Storage;

namespace SocialValue.Silo;

/// <summary>
/// A call from the API that meets a write conflict is tried once more: Orleans has deactivated the activation that
/// held the stale state, so the second attempt reads the current state and validates against it. A second conflict
/// reaches the API, which answers 409. Calls between grains are not retried here; the API's call that led to them is.
/// </summary>
public sealed class RetryConflictOnceFilter : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceId is not null)
        {
            await context.Invoke();
            return;
        }
        try
        {
            await context.Invoke();
            if (context.Response?.Exception is not InconsistentStateException)
            {
                return;
            }
        }
        catch (InconsistentStateException)
        {
        }
        await context.Invoke();
    }
}
