using Microsoft.Extensions.Logging;

namespace Synchronizer.Service.AdminApi;

/// <summary>Log messages of the admin HTTP API (event ids 4100–4119). Tokens and headers are never logged.</summary>
internal static partial class AdminApiLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Admin API listening on {Address} ({Authentication})")]
    public static partial void Listening(ILogger logger, Uri address, string authentication);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Admin API refused {Method} {Path} from {RemoteAddress}: missing or wrong bearer token")]
    public static partial void Unauthorized(ILogger logger, string method, string path, string? remoteAddress);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Admin API request {Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "On-demand sync of {EntityType} requested over the admin API (wait={Wait})")]
    public static partial void SyncRequested(ILogger logger, string entityType, bool wait);
}
