namespace SocialValue.Silo.Tests.Infrastructure;

/// <summary>
/// A business clock that runs with real time but can be moved ahead, so a test can submit the return of a quarter
/// that, by the real calendar, has not begun yet. Orleans and Hangfire keep the real clock.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock so that it reads <paramref name="date"/> (midday UTC) now; never backwards.</summary>
    public void MoveTo(DateOnly date)
    {
        var target = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var shift = target - base.GetUtcNow();
        if (shift > TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks)))
        {
            Interlocked.Exchange(ref _offsetTicks, shift.Ticks);
        }
    }
}
