using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Configuration.Validation;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Tests.Scheduling;

public class PollingOptionsTests
{
    private static readonly EntityTypeDescriptor Instances = new("nova.instance", [], TimeSpan.FromSeconds(60));

    [Fact]
    public void Read_NoSection_PluginDefaults()
    {
        var options = PollingOptions.Read(Configuration([]), Instances);

        Assert.Equal(new PollingOptions(true, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15), 0.1), options);
    }

    [Fact]
    public void Read_Section_OverridesDefaults()
    {
        var options = PollingOptions.Read(
            Configuration(new() { ["nova.instance:enabled"] = "false", ["nova.instance:interval"] = "30", ["nova.instance:retry_interval"] = "5", ["nova.instance:jitter"] = "0.25" }),
            Instances);

        Assert.Equal(new PollingOptions(false, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 0.25), options);
    }

    [Fact]
    public void Read_IntervalShorterThanTheRetryCeiling_RetriesAtTheInterval()
    {
        var options = PollingOptions.Read(Configuration(new() { ["nova.instance:interval"] = "10" }), Instances);

        Assert.Equal(TimeSpan.FromSeconds(10), options.RetryInterval);
    }

    [Fact]
    public void Read_ZeroJitter_Allowed()
    {
        Assert.Equal(0, PollingOptions.Read(Configuration(new() { ["nova.instance:jitter"] = "0" }), Instances).Jitter);
    }

    [Theory]
    [InlineData("interval", "0")]
    [InlineData("interval", "-5")]
    [InlineData("interval", "1m")]
    [InlineData("enabled", "yes please")]
    [InlineData("retry_interval", "0")]
    [InlineData("retry_interval", "61")]
    [InlineData("jitter", "0.51")]
    [InlineData("jitter", "-0.1")]
    [InlineData("jitter", "10%")]
    public void Read_BadValue_FailsNamingSectionKeyAndFix(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PollingOptions.Read(Configuration(new() { [$"nova.instance:{key}"] = value }), Instances));

        Assert.StartsWith($"[nova.instance] {key}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; write", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralBadValues_ReportsEachAndReadsThemAsDefaults()
    {
        var problems = new List<ConfigurationProblem>();

        var options = PollingOptions.Read(
            Configuration(new() { ["nova.instance:enabled"] = "no", ["nova.instance:interval"] = "x", ["nova.instance:retry_interval"] = "y", ["nova.instance:jitter"] = "z" }),
            Instances,
            problems);

        Assert.Equal(["enabled", "interval", "retry_interval", "jitter"], problems.Select(p => p.Key));
        Assert.Equal(PollingOptions.Defaults(Instances), options);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
