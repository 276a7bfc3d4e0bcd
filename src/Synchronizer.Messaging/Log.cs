using Microsoft.Extensions.Logging;

namespace Synchronizer.Messaging;

internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Connected to the bus at {TransportUrl}")]
    public static partial void Connected(ILogger logger, string transportUrl);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Declared exchange {Exchange} and queue {Queue} (durable {Durable})")]
    public static partial void Declared(ILogger logger, string exchange, string queue, bool durable);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Published {Count} notifications of {EntityType} through revision {Revision}")]
    public static partial void Published(ILogger logger, int count, string entityType, long revision);
}
