namespace SocialValue.Silo.Hosting;

/// <summary>
/// The business clock while the demo loads (<c>--demo</c>): the wall clock, set back for a moment so the worked example's
/// contract can go live two quarters ago and report on them, then returned to now. Only a Silo started with <c>--demo</c>
/// has it.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Reads as <paramref name="at"/> from now on, until <see cref="Reset"/>.</summary>
    public void SetTo(DateTimeOffset at) => Interlocked.Exchange(ref offsetTicks, (at - base.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
