using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.Plugins;

/// <summary>
/// The out-of-tree plugin test: the service, built without tests/SamplePlugin, loads it from
/// <c>[plugins] directory</c> in a load context of its own and polls and publishes its entity type.
/// </summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class OutOfTreePluginTests : IClassFixture<SamplePluginBuild>
{
    private const string SampleType = "sample.server";

    private readonly SamplePluginBuild _plugin;

    public OutOfTreePluginTests(SamplePluginBuild plugin) => _plugin = plugin;

    [Fact]
    public async Task Build_PluginDirectory_LoadsThePluginInItsOwnContextAndListsEveryPage()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 5 });
        var settings = new Dictionary<string, string?>
        {
            ["DEFAULT:transport_url"] = "rabbit://guest:guest@127.0.0.1:1/",
            ["service_credentials:auth_url"] = simulator.IdentityUrl.ToString(),
            ["service_credentials:username"] = "admin",
            ["service_credentials:password"] = "secret",
            ["service_credentials:project_name"] = "admin",
            ["plugins:directory"] = _plugin.Directory,
            ["sample:page_size"] = "2",
        };
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        var poller = host.Services.GetServices<IEntityPoller>().Single(p => p.Descriptor.Name == SampleType);
        var records = await poller.ListAsync(CancellationToken.None).ToListAsync();

        var context = AssemblyLoadContext.GetLoadContext(poller.GetType().Assembly);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal("plugin:SamplePlugin", context?.Name);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(IEntityPoller).Assembly));
        var servers = await simulator.Control.GetServersAsync();
        Assert.Equal(servers.Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Serve_PluginDirectory_PublishesThePluginsEntityType()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 5 });
        var exchange = TestBroker.UniqueExchange();
        var settings = SynchronizerHarness.Settings(simulator, exchange, new Dictionary<string, string?>
        {
            ["plugins:directory"] = _plugin.Directory,
            ["sample:page_size"] = "2",
            ["nova.instance:enabled"] = "false",
            ["nova.host:enabled"] = "false",
            ["nova.zone:enabled"] = "false",
            ["cinder.volume:enabled"] = "false",
            ["heat.stack:enabled"] = "false",
        });
        await using var recorder = await NotificationRecorder.StartAsync(TestBroker.TransportUrl, exchange, $"synchronizer.{SampleType}.info");
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        await host.StartAsync();
        var received = await recorder.WaitForAsync(5, TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.All(received, n => Assert.Equal($"{SampleType}.create", n.EventType));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), received.Select(n => n.Revision));
    }
}
