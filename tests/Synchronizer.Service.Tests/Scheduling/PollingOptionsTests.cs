using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Tests.Scheduling;

public class PollingOptionsTests
{
    private static readonly EntityTypeDescriptor Instances = new("nova.instance", [], TimeSpan.FromSeconds(60));

    [Fact]
    public void Read_NoSection_PluginDefaults()
    {
        var options = PollingOptions.Read(Configuration([]), Instances);

        Assert.Equal(new PollingOptions(true, TimeSpan.FromSeconds(60)), options);
    }

    [Fact]
    public void Read_Section_OverridesDefaults()
    {
        var options = PollingOptions.Read(Configuration(new() { ["nova.instance:enabled"] = "false", ["nova.instance:interval"] = "15" }), Instances);

        Assert.Equal(new PollingOptions(false, TimeSpan.FromSeconds(15)), options);
    }

    [Theory]
    [InlineData("interval", "0")]
    [InlineData("interval", "-5")]
    [InlineData("interval", "1m")]
    [InlineData("enabled", "yes please")]
    public void Read_BadValue_FailsNamingSectionKeyAndFix(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PollingOptions.Read(Configuration(new() { [$"nova.instance:{key}"] = value }), Instances));

        Assert.StartsWith($"[nova.instance] {key} = '{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("write", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
