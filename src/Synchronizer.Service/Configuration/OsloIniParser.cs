namespace Synchronizer.Service.Configuration;

/// <summary>
/// Parses oslo.config-style INI text (as <c>oslo_config/iniparser.py</c> reads it) into
/// <c>section:key</c> pairs.
/// </summary>
/// <remarks>
/// Rules, as oslo: <c>[section]</c> headers; <c>key = value</c> or <c>key: value</c>; whole-line
/// comments start with <c>#</c> or <c>;</c>; an indented line continues the previous value (joined
/// with a newline); a value wrapped in matching quotes loses them; a repeated key keeps the last value.
/// One addition: a <c>;</c> or <c>#</c> preceded by white space starts an inline comment, as in the
/// contract's sample file. A value that must contain " ;" or " #" can be quoted.
/// </remarks>
internal static class OsloIniParser
{
    public static Dictionary<string, string?> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        string? lastKey = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            if (raw.Length > 0 && char.IsWhiteSpace(raw[0]) && lastKey is not null && raw.Trim().Length > 0 && !IsComment(raw.Trim()))
            {
                values[lastKey] = values[lastKey] + "\n" + StripInlineComment(raw.Trim());
                continue;
            }

            var line = raw.Trim();
            if (line.Length == 0 || IsComment(line))
            {
                lastKey = null;
                continue;
            }

            if (line[0] == '[')
            {
                section = ParseSection(line, sourceName, lineNumber);
                lastKey = null;
                continue;
            }

            // Only the key is ever quoted: a line without '=' may be a pasted password.
            var separator = line.IndexOfAny(['=', ':']);
            if (section is null)
            {
                throw new FormatException(separator > 0
                    ? $"{sourceName}:{lineNumber}: '{line[..separator].Trim()}' comes before any [section] header; put it under [DEFAULT] or another section."
                    : $"{sourceName}:{lineNumber}: a line comes before any [section] header; put it under [DEFAULT] or another section.");
            }

            if (separator <= 0)
            {
                throw new FormatException($"{sourceName}:{lineNumber}: this line of [{section}] has no '=' or ':'; write it as key = value.");
            }

            lastKey = $"{section}:{line[..separator].Trim()}";
            values[lastKey] = Unquote(StripInlineComment(line[(separator + 1)..].Trim()));
        }

        return values;
    }

    private static string ParseSection(string line, string sourceName, int lineNumber)
    {
        var end = line.IndexOf(']', StringComparison.Ordinal);
        var name = end < 0 ? string.Empty : line[1..end].Trim();
        if (name.Length == 0)
        {
            throw new FormatException($"{sourceName}:{lineNumber}: malformed section header '{Shorten(line)}'; write it as [name].");
        }

        return name;
    }

    private static bool IsComment(string trimmed) => trimmed[0] is '#' or ';';

    private static string StripInlineComment(string value)
    {
        if (value.Length > 1 && value[0] is '"' or '\'' && value.IndexOf(value[0], 1) is var close && close > 0)
        {
            // A quoted value keeps everything inside the quotes; only what follows may be a comment.
            return value[..(close + 1)];
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is ';' or '#' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i].TrimEnd();
            }
        }

        return value;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' ? value[1..^1] : value;

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
