using System.Diagnostics.Metrics;
using Synchronizer.Core.Polling;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Metrics;

/// <summary>
/// The per-type gauges of CONTRACT §6, read from each enabled type at each scrape: entities
/// recorded and current revision. Kept apart from <see cref="SynchronizerMetrics"/>, which the
/// publisher needs before the engine exists.
/// </summary>
internal sealed class EntityTypeGauges
{
    public EntityTypeGauges(IMeterFactory meters, EnabledTypes types)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(types);
        EntityTypes = [.. types.All.Select(t => t.Descriptor.Name)];
        var meter = meters.Create(MetricNames.Meter);
        meter.CreateObservableGauge(
            MetricNames.Entities,
            () => types.All.Select(t => new Measurement<long>(t.Current.Entities.Count, EntityType(t))),
            "{entity}",
            "Entities currently recorded, by entity type.");
        meter.CreateObservableGauge(
            MetricNames.Revision,
            () => types.All.Select(t => new Measurement<long>(t.Current.Revision, EntityType(t))),
            "{revision}",
            "The revision of the last recorded change, by entity type (0 before any).");
    }

    /// <summary>Gets the entity types the gauges report.</summary>
    public IReadOnlyList<string> EntityTypes { get; }

    private static KeyValuePair<string, object?> EntityType(TypeSynchronizer type) => new(MetricNames.EntityTypeTag, type.Descriptor.Name);
}
