using System.Globalization;

namespace Synchronizer.Service.Metrics;

/// <summary>The running state of one metric family: a value (or histogram buckets) per label set.</summary>
internal sealed class MetricAggregate
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly double[] _bounds;
    private bool _observed;

    public MetricAggregate(string name, string help, MetricKind kind, IReadOnlyList<double> bounds)
    {
        Name = name;
        Help = help;
        Kind = kind;
        _bounds = [.. bounds];
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    /// <summary>Returns the state a listener passes back with each measurement of one instrument.</summary>
    /// <param name="mode">How the instrument's measurements change the value.</param>
    /// <param name="observable">Whether the instrument is observable: its label sets are then forgotten at each collection.</param>
    /// <returns>The binding.</returns>
    public Binding Bind(MeasurementMode mode, bool observable)
    {
        lock (_lock)
        {
            _observed |= observable;
        }

        return new Binding(this, mode);
    }

    /// <summary>Forgets the label sets of a family fed by observable instruments, before they report again.</summary>
    public void ClearObserved()
    {
        lock (_lock)
        {
            if (_observed)
            {
                _series.Clear();
            }
        }
    }

    public MetricFamily Snapshot()
    {
        lock (_lock)
        {
            var samples = _series.Values.Select(s => Kind == MetricKind.Histogram
                ? new MetricSample(s.Labels, 0, new HistogramValue(_bounds, [.. s.Buckets!], s.Value))
                : new MetricSample(s.Labels, s.Value));
            return new MetricFamily(Name, Help, Kind, [.. samples]);
        }
    }

    private void Record(MeasurementMode mode, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value));
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                series = new Series(labels, Kind == MetricKind.Histogram ? new long[_bounds.Length + 1] : null);
                _series[key] = series;
            }

            switch (mode)
            {
                case MeasurementMode.Add:
                    series.Value += value;
                    break;
                case MeasurementMode.Set:
                    series.Value = value;
                    break;
                default:
                    // The first bucket whose upper bound holds the value; past the last bound is +Inf.
                    var index = Array.FindIndex(_bounds, b => value <= b);
                    series.Buckets![index < 0 ? _bounds.Length : index]++;
                    series.Value += value;
                    break;
            }
        }
    }

    private KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            var name = PrometheusNames.ForLabel(tags[i].Key);

            // "le" is the bucket label of a histogram; a tag of that name must not collide with it.
            labels[i] = new(Kind == MetricKind.Histogram && name == "le" ? "tag_le" : name, Format(tags[i].Value));
        }

        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>What a listener hands back with each measurement: the family and how to apply it.</summary>
    internal sealed class Binding(MetricAggregate family, MeasurementMode mode)
    {
        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => family.Record(mode, value, tags);
    }

    private sealed class Series(KeyValuePair<string, string>[] labels, long[]? buckets)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;

        public long[]? Buckets { get; } = buckets;

        /// <summary>Gets or sets the counter or gauge value, or a histogram's sum.</summary>
        public double Value { get; set; }
    }
}
