using Microsoft.Extensions.Logging;

namespace Synchronizer.Service.Scheduling;

/// <summary>Log messages of the poll schedule after start-up (event ids 4010–4019; 4000–4001 are in <c>Log.cs</c>).</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "Next poll of {EntityType} in {DelayMs} ms")]
    public static partial void NextPoll(ILogger logger, string entityType, long delayMs);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "The poll of {EntityType} failed; polling it every {RetrySeconds} s until a poll succeeds")]
    public static partial void Retrying(ILogger logger, string entityType, long retrySeconds);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "The poll of {EntityType} succeeded again; back to every {IntervalSeconds} s")]
    public static partial void Recovered(ILogger logger, string entityType, long intervalSeconds);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "The poll job of {EntityType} failed; it is retried like a failed poll")]
    public static partial void PollJobFailed(ILogger logger, string entityType, Exception exception);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "The next poll of {EntityType} could not be rescheduled; its trigger keeps its previous period")]
    public static partial void RescheduleFailed(ILogger logger, string entityType, Exception exception);
}
