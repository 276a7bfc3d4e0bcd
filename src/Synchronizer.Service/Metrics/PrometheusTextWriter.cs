using System.Globalization;
using System.Text;

namespace Synchronizer.Service.Metrics;

/// <summary>
/// Writes metrics in the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format).
/// </summary>
/// <remarks>
/// Each family is written once, as <c># HELP</c>, <c># TYPE</c>, then its samples. A counter's name
/// ends in <c>_total</c>; a histogram is written as cumulative <c>_bucket{le="…"}</c> lines ending at
/// <c>le="+Inf"</c>, then <c>_sum</c> and <c>_count</c>. Names are checked, never repaired: making a
/// name valid is the caller's job (<see cref="PrometheusNames"/>).
/// </remarks>
internal static class PrometheusTextWriter
{
    /// <summary>The <c>Content-Type</c> of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Writes the families, in the given order.</summary>
    /// <param name="families">The metrics.</param>
    /// <returns>The exposition text; every line ends with <c>\n</c>.</returns>
    /// <exception cref="ArgumentException">A metric or label name is invalid, a name is used twice, or a histogram is malformed.</exception>
    public static string Write(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            var name = FamilyName(family);
            if (!written.Add(name))
            {
                throw new ArgumentException($"The metric {name} is written twice; merge its samples into one family.", nameof(families));
            }

            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(family.Kind)).Append('\n');
            foreach (var sample in family.Samples)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(text, name, sample);
                }
                else
                {
                    WriteLine(text, name, sample.Labels, null, sample.Value);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Formats a sample value as Prometheus parses it: <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c> or the shortest round-trip form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The escaped value, without the surrounding quotes.</returns>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Escapes help text: backslash and line feed (a double quote stays as it is).</summary>
    /// <param name="help">The raw help text.</param>
    /// <returns>The escaped text.</returns>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string FamilyName(MetricFamily family)
    {
        if (!PrometheusNames.IsValidMetricName(family.Name))
        {
            throw new ArgumentException($"'{family.Name}' is not a valid Prometheus metric name.", nameof(family));
        }

        return family.Kind == MetricKind.Counter && !family.Name.EndsWith("_total", StringComparison.Ordinal) ? family.Name + "_total" : family.Name;
    }

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        MetricKind.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown metric kind."),
    };

    private static void WriteHistogram(StringBuilder text, string name, MetricSample sample)
    {
        var histogram = sample.Histogram ?? throw new ArgumentException($"A sample of histogram {name} has no buckets.", nameof(sample));
        if (histogram.Counts.Count != histogram.UpperBounds.Count + 1)
        {
            throw new ArgumentException($"Histogram {name} has {histogram.UpperBounds.Count} bounds but {histogram.Counts.Count} counts; it needs one more count than bounds.", nameof(sample));
        }

        long cumulative = 0;
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            cumulative += histogram.Counts[i];
            var bound = i < histogram.UpperBounds.Count ? histogram.UpperBounds[i] : double.PositiveInfinity;
            WriteLine(text, name + "_bucket", sample.Labels, FormatValue(bound), cumulative);
        }

        WriteLine(text, name + "_sum", sample.Labels, null, histogram.Sum);
        WriteLine(text, name + "_count", sample.Labels, null, cumulative);
    }

    private static void WriteLine(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (label, labelValue) in labels)
            {
                if (!PrometheusNames.IsValidLabelName(label) || (le is not null && label == "le"))
                {
                    throw new ArgumentException($"'{label}' is not a valid label name of {name}.", nameof(labels));
                }

                text.Append(first ? string.Empty : ",").Append(label).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? string.Empty : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }
}
