using Microsoft.Extensions.Primitives;

namespace Synchronizer.Simulator.Compute;

/// <summary>Query-string reading shared by nova's list calls, with nova's JSON-schema error texts.</summary>
internal static class NovaQuery
{
    private static readonly string[] TrueStrings = ["1", "t", "true", "on", "y", "yes"];
    private static readonly string[] FalseStrings = ["0", "f", "false", "off", "n", "no"];

    /// <summary>webob's GET[key]: the last value of a repeated parameter; null when absent.</summary>
    public static string? Last(IQueryCollection query, string key) =>
        query.TryGetValue(key, out StringValues values) && values.Count > 0 ? values[^1] : null;

    /// <summary>common.get_limit_and_marker: min(max_limit, limit), so a larger limit is clamped, not refused.</summary>
    /// <exception cref="NovaFaultException">400 when limit is not a string of digits.</exception>
    public static int Limit(IQueryCollection query, int maxLimit) =>
        Last(query, "limit") is { } text ? Math.Min(ParseLimit(text), maxLimit) : maxLimit;

    /// <summary>oslo's strutils.bool_from_string(strict=True), as the query schemas accept booleans.</summary>
    /// <exception cref="NovaFaultException">400 for any other value.</exception>
    public static bool Bool(string name, string value)
    {
        if (TrueStrings.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return FalseStrings.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)
            ? false
            : throw new NovaFaultException(
                $"Invalid input received: Unrecognized value '{value}' for {name}, acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    }

    // The query schema: parameter_types.non_negative_integer, a string of digits.
    private static int ParseLimit(string text)
    {
        if (text.Length == 0)
        {
            throw new NovaFaultException("Invalid input for query parameters limit. Value: . '' is too short");
        }

        if (!text.All(char.IsAsciiDigit))
        {
            throw new NovaFaultException($"Invalid input for query parameters limit. Value: {text}. '{text}' does not match '^[0-9]*$'");
        }

        return int.TryParse(text, out var limit) ? limit : int.MaxValue;
    }
}
