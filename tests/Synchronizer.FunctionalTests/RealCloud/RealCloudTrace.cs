using Microsoft.Extensions.Logging;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// A timestamped trace for finding where a slow step spends its time: when
/// <c>SYNCHRONIZER_REALCLOUD_TRACE</c> names a file, the synchronizer's debug log (its HTTP requests,
/// push-path refreshes, publishes) and every message the recorders receive, OpenStack's and ours, are
/// appended there, one line each, on one clock.
/// </summary>
/// <remarks>
/// How the nova rename's 2 s was found: the trace showed the push path's GET leaving at once and nova-api
/// answering it 2.4 s later, and nova-api's request log that each first request of a token on a worker
/// spent that long in keystone's token validation.
/// </remarks>
internal sealed class RealCloudTrace : ILoggerProvider
{
    public const string FileVariable = "SYNCHRONIZER_REALCLOUD_TRACE";

    private static readonly Lock Gate = new();

    public static string? File { get; } = Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path ? path : null;

    public static bool Enabled => File is not null;

    public static void Write(string line)
    {
        if (File is null)
        {
            return;
        }

        lock (Gate)
        {
            System.IO.File.AppendAllText(File, $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}\n");
        }
    }

    public ILogger CreateLogger(string categoryName) => new TraceLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class TraceLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => Enabled;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Write($"{category} {formatter(state, exception)}");
    }
}
