namespace Synchronizer.Service.Metrics;

/// <summary>How a measurement changes the value kept for its label set.</summary>
internal enum MeasurementMode
{
    /// <summary>Added to the value (counters, up-down counters).</summary>
    Add,

    /// <summary>Replaces the value (gauges, observable counters).</summary>
    Set,

    /// <summary>Counted in a histogram bucket and added to the sum.</summary>
    Observe,
}
