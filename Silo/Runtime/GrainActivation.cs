namespace SocialValue.Silo.Runtime;

/// <summary>One live grain: its instance and the turn that lets one call in at a time.</summary>
internal sealed class GrainActivation(GrainId id)
{
    // SemaphoreSlim queues asynchronous waiters first in, first out: calls run in arrival order.
    private readonly SemaphoreSlim _turn = new(1, 1);

    public GrainId Id { get; } = id;

    /// <summary>The grain object, once activated; null until then and after a failed call.</summary>
    public object? Instance { get; set; }

    public bool IsCollected { get; private set; }

    public long LastUsed { get; private set; } = Environment.TickCount64;

    public Task WaitForTurnAsync() => _turn.WaitAsync();

    public bool TryTakeTurnNow() => _turn.Wait(0);

    public void EndTurn()
    {
        LastUsed = Environment.TickCount64;
        _turn.Release();
    }

    /// <summary>Marks the activation collected; the caller holds the turn.</summary>
    public void MarkCollected() => IsCollected = true;
}
