using Microsoft.Extensions.Configuration;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Service.Hosting;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>The whole service as <c>synchronizer serve</c> runs it: Generic Host, Quartz triggers, real HTTP and RabbitMQ.</summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class ScheduledServiceTests
{
    [Fact]
    public async Task Serve_PollsAtStartUpAndOnItsInterval_ChangesArrive()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions(), CancellationToken.None);
        await simulator.Control.SeedServersAsync(20);
        var exchange = TestBroker.UniqueExchange();
        var settings = SynchronizerHarness.Settings(simulator, exchange, new Dictionary<string, string?> { ["nova.instance:interval"] = "1" });
        await using var recorder = await NotificationRecorder.StartAsync(TestBroker.TransportUrl, exchange, "synchronizer.nova.instance.info");
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        await host.StartAsync();
        await recorder.WaitForAsync(20, TimeSpan.FromSeconds(30));
        var servers = await simulator.Control.GetServersAsync();
        await simulator.Control.UpdateServerAsync(servers[3].GetProperty("id").GetString()!, status: "SHUTOFF");
        var received = await recorder.WaitForAsync(21, TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), received.Select(n => n.Revision));
        Assert.Equal("nova.instance.update", received[20].EventType);
    }
}
