using Microsoft.Extensions.Logging;

namespace Synchronizer.Service;

internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Polling {EntityType} every {IntervalSeconds} s")]
    public static partial void TypeScheduled(ILogger logger, string entityType, long intervalSeconds);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "{EntityType} is disabled in its configuration section")]
    public static partial void TypeDisabled(ILogger logger, string entityType);
}
