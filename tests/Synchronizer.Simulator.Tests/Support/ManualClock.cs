namespace Synchronizer.Simulator.Tests.Support;

/// <summary>
/// A clock whose "now" moves only when told, for token expiry and updated timestamps. Timers are
/// left to the system, so delays still pass in real time.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
