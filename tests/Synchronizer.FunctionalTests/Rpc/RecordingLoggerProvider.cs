using Microsoft.Extensions.Logging;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>Keeps every log line, so a test can check what the server reported.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly RecordingLoggerProvider _owner;

        public RecordingLogger(RecordingLoggerProvider owner) => _owner = owner;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_owner._lines)
            {
                _owner._lines.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
