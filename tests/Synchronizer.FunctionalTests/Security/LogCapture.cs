using System.Text;
using Microsoft.Extensions.Logging;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// A logger provider that keeps, for every entry, more than any console formatter prints: the message,
/// each structured value by name, the scopes and the whole exception with its inner exceptions.
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly List<OutputLine> _lines = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<OutputLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(string category, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        lock (_lines)
        {
            _lines.AddRange(lines.Select(l => new OutputLine(category, l)));
        }
    }

    private sealed class CapturingLogger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder($"{logLevel} [{eventId.Id}] {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            owner._scopes.ForEachScope((scope, builder) => builder.Append(" => ").Append(scope), text);
            if (exception is not null)
            {
                text.Append('\n').Append(exception);
            }

            owner.Add(category, text.ToString());
        }
    }
}
