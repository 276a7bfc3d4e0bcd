using Microsoft.Extensions.Logging;

namespace Synchronizer.Plugins.Cinder;

/// <summary>The Cinder plugin's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "The service catalog has no {Preferred} endpoint; using {ServiceType} for Cinder")]
    public static partial void ServiceTypeFallback(ILogger logger, string preferred, string serviceType);
}
