namespace Synchronizer.Simulator;

/// <summary>The simulator's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Path}{Query} -> {Status} in {ElapsedMs} ms")]
    public static partial void Request(ILogger logger, string method, string path, string query, int status, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Injected fault {Kind} on {Method} {Path}")]
    public static partial void FaultInjected(ILogger logger, string kind, string method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Churn set to {PerSecond} operations per second")]
    public static partial void ChurnChanged(ILogger logger, double perSecond);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Seeded {Count} servers over {Projects} projects")]
    public static partial void Seeded(ILogger logger, int count, int projects);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Publishing notifications to RabbitMQ at {Host}:{Port}")]
    public static partial void NotificationsConnected(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Cannot publish notifications to RabbitMQ at {Host}:{Port}, retrying: {Reason}")]
    public static partial void NotificationsFailed(ILogger logger, string host, int port, string reason);
}
