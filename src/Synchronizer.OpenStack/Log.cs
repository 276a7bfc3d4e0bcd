using Microsoft.Extensions.Logging;

namespace Synchronizer.OpenStack;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Keystone token issued for project {ProjectId}, expires {ExpiresAt:O}")]
    public static partial void TokenIssued(ILogger logger, string projectId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "A service rejected the token of project {ProjectId}; authenticating again")]
    public static partial void TokenRejected(ILogger logger, string projectId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "GET {Service} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void RequestCompleted(ILogger logger, string service, string path, int status, long elapsedMs);
}
