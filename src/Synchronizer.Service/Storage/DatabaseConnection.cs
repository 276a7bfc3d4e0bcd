using System.Diagnostics.CodeAnalysis;

namespace Synchronizer.Service.Storage;

/// <summary>A parsed <c>[database] connection</c> value.</summary>
/// <param name="Kind">Which store it selects.</param>
/// <param name="Path">The absolute path of the SQLite file; <see langword="null"/> unless <paramref name="Kind"/> is <see cref="DatabaseKind.SqliteFile"/>.</param>
internal sealed record DatabaseConnection(DatabaseKind Kind, string? Path)
{
    public const string Setting = "[database] connection";

    private const string SqliteScheme = "sqlite://";
    private const string Fix = "write sqlite:///var/lib/synchronizer/state.db (an absolute path) or sqlite:///:memory:, or leave it empty to keep the state in memory";

    /// <summary>Parses the setting.</summary>
    /// <param name="text">The configured value; empty or <see langword="null"/> means plain memory.</param>
    /// <param name="connection">The parsed value, on success.</param>
    /// <param name="error">One line naming the setting, the value and the fix, on failure.</param>
    /// <returns><see langword="true"/> when the value is usable.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DatabaseConnection? connection, [NotNullWhen(false)] out string? error)
    {
        connection = null;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            connection = new DatabaseConnection(DatabaseKind.InMemory, null);
            return true;
        }

        if (value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{Setting} = '{Redact(value)}': PostgreSQL is not supported yet; {Fix}.";
            return false;
        }

        if (!value.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"{Setting} = '{Redact(value)}' is not a database URL this service understands: {Fix}.";
            return false;
        }

        var path = value[SqliteScheme.Length..];
        if (path is "" or ":memory:" or "/:memory:")
        {
            connection = new DatabaseConnection(DatabaseKind.SqliteMemory, null);
            return true;
        }

        if (path.IndexOfAny(['?', '#']) >= 0 || !path.StartsWith('/') || path.EndsWith('/'))
        {
            error = $"{Setting} = '{value}' does not name a file by its absolute path: {Fix}.";
            return false;
        }

        connection = new DatabaseConnection(DatabaseKind.SqliteFile, System.IO.Path.GetFullPath(path));
        return true;
    }

    /// <summary>Parses the setting or throws.</summary>
    /// <exception cref="InvalidOperationException">The value is not usable; the message names the setting and the fix.</exception>
    public static DatabaseConnection Parse(string? text) =>
        TryParse(text, out var connection, out var error) ? connection : throw new InvalidOperationException(error);

    private static string Redact(string url)
    {
        // postgresql://user:secret@host/db: the password never reaches a log line.
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 && at > scheme ? string.Concat(url.AsSpan(0, scheme + 3), "***", url.AsSpan(at)) : url;
    }
}
