using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Synchronizer.Service.Metrics;

/// <summary>
/// Listens to the synchronizer's meters (<c>Synchronizer</c> and <c>Synchronizer.*</c>) and keeps
/// what Prometheus needs: counter totals, last gauge values and histogram buckets, per label set.
/// </summary>
/// <remarks>
/// Only meters created by this container's <see cref="IMeterFactory"/> (or static meters, which have
/// no scope) are read, so two hosts in one process (tests) do not see each other's measurements.
/// Instruments map to families by their Prometheus name; two instruments with the same name and
/// kind feed one family, and one whose kind differs from the family's is ignored.
/// </remarks>
internal sealed class MetricsCollector : IDisposable
{
    private readonly IMeterFactory _scope;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricAggregate> _families = new(StringComparer.Ordinal);
    private readonly Lock _collecting = new();

    public MetricsCollector(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _scope = meters;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Aggregate(state).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Aggregate(state).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments now and returns every family, in name order.</summary>
    /// <returns>A snapshot of the metrics.</returns>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (_collecting)
        {
            // An observable instrument reports its whole current state at each collection: a label set
            // it no longer reports (a removed type) must disappear, not keep its last value.
            foreach (var family in _families.Values)
            {
                family.ClearObserved();
            }

            _listener.RecordObservableInstruments();
            return [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Snapshot())];
        }
    }

    public void Dispose() => _listener.Dispose();

    private static MetricAggregate.Binding Aggregate(object? state) => (MetricAggregate.Binding)state!;

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        var ours = meter.Name == MetricNames.Meter || meter.Name.StartsWith(MetricNames.Meter + ".", StringComparison.Ordinal);
        if (!ours || (meter.Scope is not null && !ReferenceEquals(meter.Scope, _scope)) || InstrumentShape.Of(instrument) is not { } shape)
        {
            return;
        }

        var name = PrometheusNames.ForInstrument(instrument.Name, instrument.Unit, shape.Kind);
        var help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        var family = _families.GetOrAdd(name, _ => new MetricAggregate(name, help, shape.Kind, shape.Bounds));
        if (family.Kind == shape.Kind)
        {
            listener.EnableMeasurementEvents(instrument, family.Bind(shape.Mode, instrument.IsObservable));
        }
    }
}
