using Microsoft.Extensions.Logging;
using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Service.PushPath;

/// <summary>Log messages of the push path (event ids 4200–4219). Transport URLs are logged redacted.</summary>
internal static partial class PushPathLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Push path disabled: set [openstack_notifications] enabled = true to re-read entities on OpenStack's notifications")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Push path listening to {Count} OpenStack notification sources on {Broker} (pool {Pool})")]
    public static partial void Started(ILogger logger, int count, TransportUrl broker, string pool);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Push path enabled but [openstack_notifications] nova, cinder and heat name no exchange:topic; nothing to listen to")]
    public static partial void NoSources(ILogger logger);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Debug, Message = "{EventType} from {Exchange} refreshed {EntityType} {Id}: {Outcome}")]
    public static partial void Refreshed(ILogger logger, string eventType, string exchange, string entityType, string id, string outcome);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Refreshing {EntityType} {Id} on {EventType} failed; the next poll catches up: {Error}")]
    public static partial void RefreshFailed(ILogger logger, string entityType, string id, string eventType, string error);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Push path stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "Push path cannot listen on {Broker}: {Error}; retrying in {DelayMs} ms")]
    public static partial void ListenFailed(ILogger logger, TransportUrl broker, string error, long delayMs);
}
