using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Service.Metrics;

namespace Synchronizer.Service.Tests.Metrics;

public sealed class SynchronizerMetricsTests : IDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MetricsCollector _collector;

    public SynchronizerMetricsTests() => _collector = new MetricsCollector(_provider.GetRequiredService<IMeterFactory>());

    public void Dispose()
    {
        _collector.Dispose();
        _provider.Dispose();
    }

    [Fact]
    public void RecordPoll_OkAndFailed_CountsByTypeAndResultWithDurationInSeconds()
    {
        var sut = CreateSut();

        sut.RecordPoll("nova.instance", succeeded: true, TimeSpan.FromMilliseconds(1500));
        sut.RecordPoll("nova.instance", succeeded: false, TimeSpan.FromSeconds(3));

        var text = Exposition();
        Assert.Contains("synchronizer_polls_total{entity_type=\"nova.instance\",result=\"ok\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_polls_total{entity_type=\"nova.instance\",result=\"failed\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE synchronizer_poll_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_poll_duration_seconds_bucket{entity_type=\"nova.instance\",result=\"ok\",le=\"2.5\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_poll_duration_seconds_sum{entity_type=\"nova.instance\",result=\"ok\"} 1.5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void InitializeTypes_BeforeAnyPoll_ShowsBothResultsAtZero()
    {
        CreateSut().InitializeTypes(["heat.stack"]);

        var text = Exposition();

        Assert.Contains("synchronizer_polls_total{entity_type=\"heat.stack\",result=\"ok\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_polls_total{entity_type=\"heat.stack\",result=\"failed\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordOthers_PublishedRpcAndLag_AppearUnderTheContractNames()
    {
        var sut = CreateSut();

        sut.RecordPublished("nova.instance", 3);
        sut.RecordRpcCall("get_all", "ok");
        sut.RecordRpcCall("sync", "UnknownEntityType");
        sut.RecordPushLag("nova.instance", TimeSpan.FromMilliseconds(300));

        var text = Exposition();
        Assert.Contains("synchronizer_notifications_published_total{entity_type=\"nova.instance\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_rpc_calls_total{method=\"get_all\",result=\"ok\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_rpc_calls_total{method=\"sync\",result=\"UnknownEntityType\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_push_lag_seconds_bucket{entity_type=\"nova.instance\",le=\"0.5\"} 1\n", text, StringComparison.Ordinal);
    }

    private string Exposition() => PrometheusTextWriter.Write(_collector.Collect());

    private SynchronizerMetrics CreateSut() => new(_provider.GetRequiredService<IMeterFactory>());
}
