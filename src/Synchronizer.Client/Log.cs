using Microsoft.Extensions.Logging;

namespace Synchronizer.Client;

/// <summary>The client's log messages: event ids 6000–6099, apart from every range the service uses, since the service's own commands run this library.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Connected to the synchronizer's bus at {TransportUrl}")]
    public static partial void Connected(ILogger logger, string transportUrl);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Ignored an unreadable message on reply queue {Queue}")]
    public static partial void ReplyUnreadable(ILogger logger, string queue);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Ignored an unreadable notification on queue {Queue}: {Error}")]
    public static partial void NotificationUnreadable(ILogger logger, string queue, string error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "{EntityType}: snapshot of {Count} entities at revision {Revision}")]
    public static partial void Snapshot(ILogger logger, string entityType, int count, long revision);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "{EntityType}: notification r{Revision} after r{Last}: filling the gap with get_changes")]
    public static partial void Gap(ILogger logger, string entityType, long revision, long last);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "{EntityType}: the change log no longer reaches r{Last} (RevisionGone): taking a new snapshot")]
    public static partial void RevisionGone(ILogger logger, string entityType, long last);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "{EntityType}: reconciled {Upserts} upserts and {Deletes} deletes at revision {Revision}")]
    public static partial void Reconciled(ILogger logger, string entityType, int upserts, int deletes, long revision);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "{EntityType}: the change log is not dense after r{Last} (got r{Revision}): taking a new snapshot")]
    public static partial void NotDense(ILogger logger, string entityType, long last, long revision);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "{EntityType}: the bus connection was recovered: catching up from r{Last}")]
    public static partial void CatchingUp(ILogger logger, string entityType, long last);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "{EntityType}: {Error}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string entityType, string error, long delayMs);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "{EntityType}: snapshot changed while paging ({Reason}): starting over")]
    public static partial void SnapshotRestarted(ILogger logger, string entityType, string reason);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "The bus connection was recovered: queue {Queue} is new, notifications published while it was down are not shown")]
    public static partial void WatchRecovered(ILogger logger, string queue);
}
