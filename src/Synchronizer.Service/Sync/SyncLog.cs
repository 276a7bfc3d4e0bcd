using Microsoft.Extensions.Logging;

namespace Synchronizer.Service.Sync;

/// <summary>Log messages of on-demand and periodic poll coordination (event ids 4120–4139).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 4120, Level = LogLevel.Debug, Message = "The periodic poll of {EntityType} joins the poll already running")]
    public static partial void JoinedRunning(ILogger logger, string entityType);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Debug, Message = "On-demand sync of {EntityType} waits for the next poll, after the one running")]
    public static partial void QueuedBehindRunning(ILogger logger, string entityType);
}
