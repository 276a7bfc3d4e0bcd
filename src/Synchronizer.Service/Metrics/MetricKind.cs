namespace Synchronizer.Service.Metrics;

/// <summary>The Prometheus metric types the service exposes.</summary>
internal enum MetricKind
{
    /// <summary>A cumulative count; its name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>Observations counted in cumulative buckets, with their sum and count.</summary>
    Histogram,
}
