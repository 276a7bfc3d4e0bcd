namespace Synchronizer.Service.Tests.Scheduling;

/// <summary>A clock that always says the same time: the schedule is computed from "now", never waited for.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
