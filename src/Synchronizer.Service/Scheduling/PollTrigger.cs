using Quartz;

namespace Synchronizer.Service.Scheduling;

/// <summary>Builds the one trigger of a type's poll job; the job replaces it after every poll.</summary>
internal static class PollTrigger
{
    /// <summary>The Quartz group of the poll jobs and their triggers.</summary>
    public const string Group = "poll";

    /// <summary>The trigger data key telling that the last poll failed, so the trigger runs at the retry interval.</summary>
    public const string RetryingKey = "retrying";

    public static JobKey JobKeyFor(string entityType) => new(entityType, Group);

    public static TriggerKey KeyFor(string entityType) => new(entityType, Group);

    /// <summary>
    /// A trigger that fires at <paramref name="firstFire"/> and then every <paramref name="period"/>.
    /// The repetition is only a safety net: each poll reschedules the trigger with a fresh jittered
    /// wait, but should that fail, the type still polls.
    /// </summary>
    /// <param name="entityType">The entity type, which names the job and the trigger.</param>
    /// <param name="firstFire">When the next poll starts.</param>
    /// <param name="period">The interval, or the retry interval after a failure.</param>
    /// <param name="retrying">Whether the last poll failed.</param>
    /// <param name="time">The clock Quartz runs on.</param>
    /// <returns>The trigger.</returns>
    public static ITrigger Create(string entityType, DateTimeOffset firstFire, TimeSpan period, bool retrying, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(KeyFor(entityType))
            .ForJob(JobKeyFor(entityType))
            .UsingJobData(RetryingKey, retrying)
            .StartAt(firstFire)

            // A fire time missed while the scheduler was busy is skipped, not made up with a burst of polls.
            .WithSimpleSchedule(s => s.WithInterval(period).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();

    /// <summary>Tells whether the trigger that fired was scheduled after a failed poll.</summary>
    public static bool IsRetrying(ITrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.JobDataMap.TryGetBoolean(RetryingKey, out var retrying) && retrying;
    }
}
