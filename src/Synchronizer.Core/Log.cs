using Microsoft.Extensions.Logging;

namespace Synchronizer.Core;

internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Poll of {EntityType} ({Source}) done in {ElapsedMs} ms: {Listed} listed, {Created} created, {Updated} updated, {Deleted} deleted, revision {Revision}")]
    public static partial void PollCompleted(ILogger logger, string entityType, string source, long elapsedMs, int listed, int created, int updated, int deleted, long revision);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Poll of {EntityType} ({Source}) failed after {ElapsedMs} ms; nothing changed: {Error}")]
    public static partial void PollFailed(ILogger logger, string entityType, string source, long elapsedMs, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Publishing {Count} recorded changes of {EntityType} failed; they stay queued and go out first next time: {Error}")]
    public static partial void PublishFailed(ILogger logger, string entityType, int count, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "{EntityType} loaded at revision {Revision} with {Count} entities and {Unpublished} unpublished changes")]
    public static partial void StateLoaded(ILogger logger, string entityType, long revision, int count, int unpublished);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Published {Count} changes of {EntityType} recorded before a restart but never confirmed, through revision {Revision}")]
    public static partial void PendingPublished(ILogger logger, string entityType, int count, long revision);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Refresh of {EntityType} {EntityId} ({Source}) recorded revision {Revision}")]
    public static partial void EntityRefreshed(ILogger logger, string entityType, string entityId, string source, long revision);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Poll of {EntityType} kept {Count} entities the push path refreshed after the listing began")]
    public static partial void RefreshesKept(ILogger logger, string entityType, int count);
}
