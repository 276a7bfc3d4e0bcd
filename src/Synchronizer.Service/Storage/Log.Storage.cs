using Microsoft.Extensions.Logging;

// The project's Log class, continued beside the storage code that uses these events (4140-4159).
namespace Synchronizer.Service;

internal static partial class Log
{
    [LoggerMessage(EventId = 4140, Level = LogLevel.Information, Message = "State database: {Path}")]
    public static partial void StateDatabase(ILogger logger, string path);

    [LoggerMessage(EventId = 4141, Level = LogLevel.Warning,
        Message = "No [database] connection: the baseline and the change log are kept in memory, so a restart announces every entity again; set [database] connection = sqlite:///var/lib/synchronizer/state.db to keep them")]
    public static partial void StateInMemory(ILogger logger);

    [LoggerMessage(EventId = 4142, Level = LogLevel.Information, Message = "Start-up recovery published {Count} changes recorded but never confirmed before the last stop")]
    public static partial void RecoveryDone(ILogger logger, int count);
}
