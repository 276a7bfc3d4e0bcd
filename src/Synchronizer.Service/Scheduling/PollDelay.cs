namespace Synchronizer.Service.Scheduling;

/// <summary>How long a type waits before its next poll: its interval, or its retry interval after a failure, spread by its jitter.</summary>
internal static class PollDelay
{
    /// <summary>The shortest wait, whatever the jitter draws: a poll never follows the last at once.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    /// <summary>Computes the wait before the next poll.</summary>
    /// <param name="polling">The type's options.</param>
    /// <param name="failed">Whether the poll that just ended failed.</param>
    /// <param name="sample">A random draw in [0, 1): 0 gives the shortest wait, 0.5 the period itself.</param>
    /// <returns>The period (interval or retry interval) times a factor from <c>1 - jitter</c> to <c>1 + jitter</c>, at least <see cref="Minimum"/>.</returns>
    public static TimeSpan Next(PollingOptions polling, bool failed, double sample)
    {
        ArgumentNullException.ThrowIfNull(polling);
        ArgumentOutOfRangeException.ThrowIfLessThan(sample, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, 1.0);

        // Symmetric, so that the mean wait stays the configured one.
        var factor = 1 + (polling.Jitter * ((2 * sample) - 1));
        var delay = (failed ? polling.RetryInterval : polling.Interval) * factor;
        return delay < Minimum ? Minimum : delay;
    }

    /// <summary>Gets the period the trigger repeats with until the next poll reschedules it.</summary>
    public static TimeSpan Period(PollingOptions polling, bool failed)
    {
        ArgumentNullException.ThrowIfNull(polling);
        return failed ? polling.RetryInterval : polling.Interval;
    }
}
