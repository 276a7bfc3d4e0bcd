using System.Diagnostics.Metrics;

namespace Synchronizer.Service.Metrics;

/// <summary>How an instrument's measurements become a Prometheus metric.</summary>
/// <param name="Kind">The metric type.</param>
/// <param name="Mode">How a measurement changes the stored value.</param>
/// <param name="Bounds">A histogram's bucket bounds; empty otherwise.</param>
internal sealed record InstrumentShape(MetricKind Kind, MeasurementMode Mode, IReadOnlyList<double> Bounds)
{
    /// <summary>Prometheus' default buckets, for a histogram that gives no advice.</summary>
    public static readonly IReadOnlyList<double> DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Finds the shape of an instrument.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>Its shape; <see langword="null"/> for an instrument kind this exporter does not know.</returns>
    public static InstrumentShape? Of(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition switch
        {
            _ when definition == typeof(Counter<>) => new(MetricKind.Counter, MeasurementMode.Add, []),

            // An observable counter reports its running total, not an increment.
            _ when definition == typeof(ObservableCounter<>) => new(MetricKind.Counter, MeasurementMode.Set, []),
            _ when definition == typeof(UpDownCounter<>) => new(MetricKind.Gauge, MeasurementMode.Add, []),
            _ when definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>) || definition == typeof(Gauge<>) =>
                new(MetricKind.Gauge, MeasurementMode.Set, []),
            _ when definition == typeof(Histogram<>) => new(MetricKind.Histogram, MeasurementMode.Observe, BoundsOf(instrument)),
            _ => null,
        };
    }

    private static IReadOnlyList<double> BoundsOf(Instrument instrument)
    {
        IEnumerable<double>? advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            _ => null,
        };
        var bounds = advised?.Where(double.IsFinite).Distinct().Order().ToArray();
        return bounds is { Length: > 0 } ? bounds : DefaultBounds;
    }
}
