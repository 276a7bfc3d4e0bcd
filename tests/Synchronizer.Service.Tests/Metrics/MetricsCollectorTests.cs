using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Service.Metrics;

namespace Synchronizer.Service.Tests.Metrics;

public sealed class MetricsCollectorTests : IDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ServiceProvider _otherProvider = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _provider.GetRequiredService<IMeterFactory>();

    public void Dispose()
    {
        _provider.Dispose();
        _otherProvider.Dispose();
    }

    [Fact]
    public void Collect_Counter_SumsPerLabelSetWithTotalSuffix()
    {
        using var sut = CreateSut();
        var counter = Meters.Create("Synchronizer").CreateCounter<long>("synchronizer.test.things", "{thing}", "Things.");

        counter.Add(2, new KeyValuePair<string, object?>("entity_type", "nova.instance"));
        counter.Add(3, new KeyValuePair<string, object?>("entity_type", "nova.instance"));
        counter.Add(1, new KeyValuePair<string, object?>("entity_type", "cinder.volume"));

        var family = Single(sut, "synchronizer_test_things_total");
        Assert.Equal(MetricKind.Counter, family.Kind);
        Assert.Equal("Things.", family.Help);
        Assert.Equal([1.0, 5.0], family.Samples.Select(s => s.Value));
        Assert.Equal(["cinder.volume", "nova.instance"], family.Samples.Select(s => s.Labels.Single().Value));
    }

    [Fact]
    public void Collect_Histogram_CountsIntoTheAdvisedBuckets()
    {
        using var sut = CreateSut();
        var histogram = Meters.Create("Synchronizer").CreateHistogram<double>(
            "synchronizer.test.duration", "s", "Durations.", advice: new() { HistogramBucketBoundaries = [1, 5] });

        histogram.Record(0.5);
        histogram.Record(1);
        histogram.Record(3);
        histogram.Record(60);

        var sample = Single(sut, "synchronizer_test_duration_seconds").Samples.Single();
        Assert.Equal([1.0, 5.0], sample.Histogram!.UpperBounds);
        Assert.Equal([2L, 1L, 1L], sample.Histogram.Counts);
        Assert.Equal(64.5, sample.Histogram.Sum);
    }

    [Fact]
    public void Collect_HistogramWithoutAdvice_UsesPrometheusDefaultBuckets()
    {
        using var sut = CreateSut();
        Meters.Create("Synchronizer").CreateHistogram<long>("synchronizer.test.sizes").Record(7);

        // 7 falls in the last finite bucket, le="10".

        var sample = Single(sut, "synchronizer_test_sizes").Samples.Single();

        Assert.Equal(InstrumentShape.DefaultBounds, sample.Histogram!.UpperBounds);
        Assert.Equal(1, sample.Histogram.Counts[^2]);
    }

    [Fact]
    public void Collect_ObservableGauge_ReportsOnlyWhatTheCallbackReportsNow()
    {
        using var sut = CreateSut();
        var types = new List<string> { "nova.instance", "cinder.volume" };
        Meters.Create("Synchronizer").CreateObservableGauge(
            "synchronizer.test.level", () => types.Select(t => new Measurement<int>(t.Length, new KeyValuePair<string, object?>("entity_type", t))));

        Assert.Equal(2, Single(sut, "synchronizer_test_level").Samples.Count);
        types.RemoveAt(0);
        var family = Single(sut, "synchronizer_test_level");

        Assert.Equal(MetricKind.Gauge, family.Kind);
        Assert.Equal("cinder.volume", family.Samples.Single().Labels.Single().Value);
        Assert.Equal(13, family.Samples.Single().Value);
    }

    [Fact]
    public void Collect_ObservableCounter_TakesTheReportedTotal()
    {
        using var sut = CreateSut();
        var total = 10L;
        Meters.Create("Synchronizer.Messaging").CreateObservableCounter("synchronizer.test.received", () => total);

        sut.Collect();
        total = 12;

        Assert.Equal(12, Single(sut, "synchronizer_test_received_total").Samples.Single().Value);
    }

    [Fact]
    public void Collect_UpDownCounter_IsAGaugeThatAdds()
    {
        using var sut = CreateSut();
        var counter = Meters.Create("Synchronizer").CreateUpDownCounter<int>("synchronizer.test.inflight");

        counter.Add(3);
        counter.Add(-1);

        var family = Single(sut, "synchronizer_test_inflight");
        Assert.Equal(MetricKind.Gauge, family.Kind);
        Assert.Equal(2, family.Samples.Single().Value);
    }

    [Fact]
    public void Collect_MetersOfOtherNamesOrOtherContainers_AreIgnored()
    {
        using var sut = CreateSut();
        Meters.Create("System.Net.Http").CreateCounter<long>("synchronizer.test.foreign").Add(1);
        _otherProvider.GetRequiredService<IMeterFactory>().Create("Synchronizer").CreateCounter<long>("synchronizer.test.neighbour").Add(1);
        Meters.Create("SynchronizerExtra").CreateCounter<long>("synchronizer.test.lookalike").Add(1);

        var names = sut.Collect().Select(f => f.Name).ToList();

        Assert.DoesNotContain("synchronizer_test_foreign_total", names);
        Assert.DoesNotContain("synchronizer_test_neighbour_total", names);
        Assert.DoesNotContain("synchronizer_test_lookalike_total", names);
    }

    [Fact]
    public void Collect_InstrumentCreatedBeforeTheCollector_IsStillRead()
    {
        var counter = Meters.Create("Synchronizer.OpenStack").CreateCounter<long>("synchronizer.test.early");
        using var sut = CreateSut();

        counter.Add(4, new KeyValuePair<string, object?>("service", "compute"), new KeyValuePair<string, object?>("status", 200));

        var sample = Single(sut, "synchronizer_test_early_total").Samples.Single();
        Assert.Equal([new KeyValuePair<string, string>("service", "compute"), new KeyValuePair<string, string>("status", "200")], sample.Labels);
    }

    [Fact]
    public void Collect_TagsInAnyOrderOrWithDots_AreOneSortedValidLabelSet()
    {
        using var sut = CreateSut();
        var counter = Meters.Create("Synchronizer").CreateCounter<double>("synchronizer.test.mixed");

        counter.Add(1, new KeyValuePair<string, object?>("b.tag", "x"), new KeyValuePair<string, object?>("a", true));
        counter.Add(1, new KeyValuePair<string, object?>("a", true), new KeyValuePair<string, object?>("b.tag", "x"));

        var sample = Single(sut, "synchronizer_test_mixed_total").Samples.Single();
        Assert.Equal(2, sample.Value);
        Assert.Equal(["a", "b_tag"], sample.Labels.Select(l => l.Key));
        Assert.Equal("true", sample.Labels[0].Value);
    }

    [Fact]
    public void Collect_Families_AreInNameOrderAndWritable()
    {
        using var sut = CreateSut();
        var meter = Meters.Create("Synchronizer");
        meter.CreateCounter<long>("synchronizer.test.zeta").Add(1);
        meter.CreateCounter<long>("synchronizer.test.alpha").Add(1);

        var families = sut.Collect();

        Assert.Equal(families.Select(f => f.Name).Order(StringComparer.Ordinal), families.Select(f => f.Name));
        Assert.Contains("synchronizer_test_alpha_total 1\n", PrometheusTextWriter.Write(families), StringComparison.Ordinal);
    }

    private static MetricFamily Single(MetricsCollector sut, string name) => sut.Collect().Single(f => f.Name == name);

    private MetricsCollector CreateSut() => new(Meters);
}
