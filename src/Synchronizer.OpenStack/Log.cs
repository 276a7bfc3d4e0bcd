using Microsoft.Extensions.Logging;

namespace Synchronizer.OpenStack;

// No message here ever carries a token, password or secret: only ids, paths, statuses and times.
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Keystone token issued for project {ProjectId}, expires {ExpiresAt:O}")]
    public static partial void TokenIssued(ILogger logger, string projectId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "A service rejected the token of project {ProjectId}; authenticating again")]
    public static partial void TokenRejected(ILogger logger, string projectId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "GET {Service} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void RequestCompleted(ILogger logger, string service, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Method} {Target} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string target, string reason, int attempt, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Service {ServiceType} at {Endpoint} supports microversions {MinVersion} to {MaxVersion}")]
    public static partial void VersionsDiscovered(ILogger logger, string serviceType, Uri endpoint, Microversions.Microversion minVersion, Microversions.Microversion maxVersion);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Service {ServiceType} at {Endpoint} offers no microversions")]
    public static partial void NoMicroversions(ILogger logger, string serviceType, Uri endpoint);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{Service} GET {Path} refused microversion {Version} (406); reading the version document again")]
    public static partial void MicroversionRefused(ILogger logger, string service, string path, string version);
}
