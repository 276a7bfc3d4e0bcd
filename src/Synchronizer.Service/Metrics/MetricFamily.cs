namespace Synchronizer.Service.Metrics;

/// <summary>One metric as the text format shows it: a <c># HELP</c> and <c># TYPE</c> line, then its samples.</summary>
/// <param name="Name">The Prometheus name; a counter's gets <c>_total</c> appended when it lacks it.</param>
/// <param name="Help">The help text.</param>
/// <param name="Kind">The metric type.</param>
/// <param name="Samples">One entry per label set; may be empty.</param>
internal sealed record MetricFamily(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSample> Samples);
