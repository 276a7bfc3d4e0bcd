using System.Text;
using System.Text.RegularExpressions;

namespace Synchronizer.Service.Metrics;

/// <summary>
/// Turns System.Diagnostics.Metrics instrument and tag names into Prometheus names, as the
/// OpenTelemetry Prometheus exporter does: invalid characters become <c>_</c>, a unit of seconds or
/// bytes becomes a <c>_seconds</c> or <c>_bytes</c> suffix, and counters end in <c>_total</c>.
/// </summary>
internal static partial class PrometheusNames
{
    /// <summary>Tells whether a metric name matches <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</summary>
    /// <param name="name">The candidate.</param>
    /// <returns><see langword="true"/> when it is valid.</returns>
    public static bool IsValidMetricName(string name) => MetricName().IsMatch(name);

    /// <summary>Tells whether a label name matches <c>[a-zA-Z_][a-zA-Z0-9_]*</c> and does not start with the reserved <c>__</c>.</summary>
    /// <param name="name">The candidate.</param>
    /// <returns><see langword="true"/> when it is valid.</returns>
    public static bool IsValidLabelName(string name) => LabelName().IsMatch(name) && !name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Names a metric after its instrument: <c>synchronizer.poll.duration</c> in seconds becomes <c>synchronizer_poll_duration_seconds</c>.</summary>
    /// <param name="instrumentName">The instrument's name.</param>
    /// <param name="unit">The instrument's UCUM unit, for example <c>s</c>; annotations such as <c>{poll}</c> add nothing.</param>
    /// <param name="kind">The metric type.</param>
    /// <returns>A valid metric name.</returns>
    public static string ForInstrument(string instrumentName, string? unit, MetricKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        var name = Sanitize(instrumentName);
        var suffix = unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => string.Empty,
        };
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }

        return kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>Makes a tag name a valid label name: <c>entity.type</c> becomes <c>entity_type</c>.</summary>
    /// <param name="tagName">The tag's name.</param>
    /// <returns>A valid label name.</returns>
    public static string ForLabel(string tagName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagName);
        var name = Sanitize(tagName);

        // "__" prefixes are reserved for Prometheus' own labels.
        return name.StartsWith("__", StringComparison.Ordinal) ? "x" + name : name;
    }

    // Colons are valid in metric names but reserved for recording rules, so they are replaced too.
    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            text.Append('_');
        }

        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return text.ToString();
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();
}
