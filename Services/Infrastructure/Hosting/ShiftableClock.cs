namespace ProposalPlatform.Infrastructure.Hosting;

/// <summary>
/// The system clock moved forward by an offset that tests set: deadlines months away come due in a
/// test run without waiting for them. Registered only when <c>Testing:ClockControl</c> is true, which
/// nothing but the integration tests sets.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public TimeSpan Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        return TimeSpan.FromTicks(Interlocked.Add(ref _offsetTicks, by.Ticks));
    }

    /// <summary>Back to the system's time (the end of a test that moved it).</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
