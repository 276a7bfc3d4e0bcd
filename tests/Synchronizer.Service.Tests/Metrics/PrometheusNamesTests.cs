using Synchronizer.Service.Metrics;

namespace Synchronizer.Service.Tests.Metrics;

public class PrometheusNamesTests
{
    [Theory]
    [InlineData("synchronizer.polls", "{poll}", "Counter", "synchronizer_polls_total")]
    [InlineData("synchronizer.poll.duration", "s", "Histogram", "synchronizer_poll_duration_seconds")]
    [InlineData("synchronizer.entities", "{entity}", "Gauge", "synchronizer_entities")]
    [InlineData("synchronizer.requests_total", null, "Counter", "synchronizer_requests_total")]
    [InlineData("queue.size", "By", "Gauge", "queue_size_bytes")]
    [InlineData("lag_seconds", "s", "Gauge", "lag_seconds")]
    [InlineData("9lives", null, "Gauge", "_9lives")]
    [InlineData("a-b:c", null, "Gauge", "a_b_c")]
    public void ForInstrument_Names_FollowTheOpenTelemetryConventions(string instrument, string? unit, string kind, string expected)
    {
        var name = PrometheusNames.ForInstrument(instrument, unit, Enum.Parse<MetricKind>(kind));

        Assert.Equal(expected, name);
        Assert.True(PrometheusNames.IsValidMetricName(name));
    }

    [Theory]
    [InlineData("entity_type", "entity_type")]
    [InlineData("http.response.status_code", "http_response_status_code")]
    [InlineData("__name", "x__name")]
    [InlineData("0day", "_0day")]
    public void ForLabel_Names_AreValidLabelNames(string tag, string expected)
    {
        var name = PrometheusNames.ForLabel(tag);

        Assert.Equal(expected, name);
        Assert.True(PrometheusNames.IsValidLabelName(name));
    }
}
