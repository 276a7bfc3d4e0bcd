namespace Synchronizer.Service.Metrics;

/// <summary>The observations of one histogram label set, per bucket (not cumulative).</summary>
/// <param name="UpperBounds">The finite upper bounds, ascending; the <c>+Inf</c> bucket is implied.</param>
/// <param name="Counts">Observations per bucket: one per bound, then one for the values above the last bound.</param>
/// <param name="Sum">The sum of all observations.</param>
internal sealed record HistogramValue(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> Counts, double Sum);
