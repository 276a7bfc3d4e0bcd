using Microsoft.Extensions.Logging;

namespace Synchronizer.Messaging.Listening;

/// <summary>Log messages of the push-path listener (event ids 3200–3219).</summary>
internal static partial class ListeningLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Listening to OpenStack notifications on exchange {Exchange} topic {Topic} through queue {Queue}")]
    public static partial void Listening(ILogger logger, string exchange, string topic, string queue);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Set aside a poison message from {Exchange} ({RoutingKey}) in {DeadLetterQueue}: {Problem}")]
    public static partial void DeadLettered(ILogger logger, string exchange, string routingKey, string deadLetterQueue, string problem);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Handling {EventType} from {Exchange} failed; the next poll catches up: {Error}")]
    public static partial void HandlerFailed(ILogger logger, string eventType, string exchange, string error);
}
