namespace Synchronizer.Service.Metrics;

/// <summary>The value of one label set of a metric.</summary>
/// <param name="Labels">The labels, written in this order.</param>
/// <param name="Value">The value of a counter or gauge; unused for a histogram.</param>
/// <param name="Histogram">The buckets of a histogram; <see langword="null"/> for counters and gauges.</param>
internal sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramValue? Histogram = null);
