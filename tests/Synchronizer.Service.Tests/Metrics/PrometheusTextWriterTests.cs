using Synchronizer.Service.Metrics;

namespace Synchronizer.Service.Tests.Metrics;

/// <summary>Checked against the text format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats), its examples included.</summary>
public class PrometheusTextWriterTests
{
    [Fact]
    public void Write_SpecCounterExample_MatchesTheSpec()
    {
        var family = new MetricFamily("http_requests_total", "The total number of HTTP requests.", MetricKind.Counter,
        [
            Sample(1027, ("method", "post"), ("code", "200")),
            Sample(3, ("method", "post"), ("code", "400")),
        ]);

        var text = PrometheusTextWriter.Write([family]);

        Assert.Equal(
            """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027
            http_requests_total{method="post",code="400"} 3

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Write_SpecHistogramExample_WritesCumulativeBucketsThenSumAndCount()
    {
        var buckets = new HistogramValue([0.05, 0.1, 0.2, 0.5, 1], [24054, 9390, 66948, 28997, 4599, 10332], 53423);
        var family = new MetricFamily("http_request_duration_seconds", "A histogram of the request duration.", MetricKind.Histogram, [new MetricSample([], 0, buckets)]);

        var text = PrometheusTextWriter.Write([family]);

        Assert.Equal(
            """
            # HELP http_request_duration_seconds A histogram of the request duration.
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="0.05"} 24054
            http_request_duration_seconds_bucket{le="0.1"} 33444
            http_request_duration_seconds_bucket{le="0.2"} 100392
            http_request_duration_seconds_bucket{le="0.5"} 129389
            http_request_duration_seconds_bucket{le="1"} 133988
            http_request_duration_seconds_bucket{le="+Inf"} 144320
            http_request_duration_seconds_sum 53423
            http_request_duration_seconds_count 144320

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Write_HistogramWithLabels_PutsLeAfterTheLabels()
    {
        var buckets = new HistogramValue([1], [2, 1], 4.5);
        var family = new MetricFamily("poll_seconds", "Polls.", MetricKind.Histogram, [new MetricSample([new("entity_type", "nova.instance")], 0, buckets)]);

        var lines = PrometheusTextWriter.Write([family]).Split('\n');

        Assert.Contains("poll_seconds_bucket{entity_type=\"nova.instance\",le=\"1\"} 2", lines);
        Assert.Contains("poll_seconds_bucket{entity_type=\"nova.instance\",le=\"+Inf\"} 3", lines);
        Assert.Contains("poll_seconds_sum{entity_type=\"nova.instance\"} 4.5", lines);
        Assert.Contains("poll_seconds_count{entity_type=\"nova.instance\"} 3", lines);
    }

    [Fact]
    public void Write_CounterWithoutTotalSuffix_AppendsTotalToEveryLine()
    {
        var family = new MetricFamily("synchronizer_polls", "Polls.", MetricKind.Counter, [Sample(2)]);

        var text = PrometheusTextWriter.Write([family]);

        Assert.Equal("# HELP synchronizer_polls_total Polls.\n# TYPE synchronizer_polls_total counter\nsynchronizer_polls_total 2\n", text);
    }

    [Fact]
    public void Write_LabelValueWithBackslashQuoteAndNewline_EscapesEach()
    {
        var family = new MetricFamily("msdos_file_access_time_seconds", "Access time.", MetricKind.Gauge,
            [Sample(1.458255915e9, ("path", @"C:\DIR\FILE.TXT"), ("error", "Cannot find file:\n\"FILE.TXT\""))]);

        var lines = PrometheusTextWriter.Write([family]).Split('\n');

        Assert.Equal("""msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1458255915""", lines[2]);
    }

    [Fact]
    public void Write_HelpWithBackslashNewlineAndQuote_EscapesBackslashAndNewlineOnly()
    {
        var family = new MetricFamily("g", "A \\ path\nand \"quotes\"", MetricKind.Gauge, []);

        var text = PrometheusTextWriter.Write([family]);

        Assert.StartsWith("# HELP g A \\\\ path\\nand \"quotes\"\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.0, "0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(12345678.0, "12345678")]
    [InlineData(1e21, "1E+21")]
    [InlineData(2.5e-7, "2.5E-07")]
    public void FormatValue_SpecialAndOrdinaryValues_AsPrometheusParsesThem(double value, string expected)
    {
        Assert.Equal(expected, PrometheusTextWriter.FormatValue(value));
    }

    [Fact]
    public void Write_GaugeOfInfinity_WritesPlusInf()
    {
        var text = PrometheusTextWriter.Write([new MetricFamily("g", "G.", MetricKind.Gauge, [Sample(double.PositiveInfinity)])]);

        Assert.EndsWith("\ng +Inf\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FamilyWithoutSamples_WritesHelpAndTypeOnly()
    {
        var text = PrometheusTextWriter.Write([new MetricFamily("synchronizer_rpc_calls_total", "RPC calls.", MetricKind.Counter, [])]);

        Assert.Equal("# HELP synchronizer_rpc_calls_total RPC calls.\n# TYPE synchronizer_rpc_calls_total counter\n", text);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("")]
    [InlineData("nova.instance")]
    public void Write_InvalidMetricName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => PrometheusTextWriter.Write([new MetricFamily(name, "x", MetricKind.Gauge, [])]));
    }

    [Theory]
    [InlineData("__reserved")]
    [InlineData("entity-type")]
    [InlineData("1st")]
    public void Write_InvalidLabelName_Throws(string label)
    {
        var family = new MetricFamily("g", "x", MetricKind.Gauge, [Sample(1, (label, "v"))]);

        Assert.Throws<ArgumentException>(() => PrometheusTextWriter.Write([family]));
    }

    [Fact]
    public void Write_HistogramWithItsOwnLeLabel_Throws()
    {
        var family = new MetricFamily("h", "x", MetricKind.Histogram, [new MetricSample([new("le", "1")], 0, new HistogramValue([1], [0, 0], 0))]);

        Assert.Throws<ArgumentException>(() => PrometheusTextWriter.Write([family]));
    }

    [Fact]
    public void Write_HistogramCountsNotOneMoreThanBounds_Throws()
    {
        var family = new MetricFamily("h", "x", MetricKind.Histogram, [new MetricSample([], 0, new HistogramValue([1, 2], [1, 1], 3))]);

        Assert.Throws<ArgumentException>(() => PrometheusTextWriter.Write([family]));
    }

    [Fact]
    public void Write_SameNameTwice_Throws()
    {
        var a = new MetricFamily("c", "x", MetricKind.Counter, []);
        var b = new MetricFamily("c_total", "y", MetricKind.Counter, []);

        Assert.Throws<ArgumentException>(() => PrometheusTextWriter.Write([a, b]));
    }

    [Fact]
    public void ContentType_IsVersion004()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", PrometheusTextWriter.ContentType);
    }

    private static MetricSample Sample(double value, params (string Name, string Value)[] labels) =>
        new([.. labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))], value);
}
