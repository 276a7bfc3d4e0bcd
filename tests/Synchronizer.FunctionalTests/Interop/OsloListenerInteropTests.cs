using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.Interop;

/// <summary>A real oslo.messaging listener (Python, its own pool) receives our change notifications.</summary>
[Trait("Category", "Interop")]
[Collection(BrokerTests.Name)]
public sealed class OsloListenerInteropTests
{
    [Fact]
    public async Task OsloListenerWithPool_ReceivesChangeNotificationsWithEventTypesAndPayloads()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions(), CancellationToken.None);
        await simulator.Control.SeedServersAsync(5);
        await using var synchronizer = SynchronizerHarness.Create(simulator);
        using var listener = await OsloListenerProcess.StartAsync(synchronizer.Exchange, "synchronizer.nova.instance", "interop-pool", count: 6, TimeSpan.FromSeconds(60));

        await synchronizer.PollInstancesAsync();
        var servers = await simulator.Control.GetServersAsync();
        var renamed = servers[0].GetProperty("id").GetString()!;
        await simulator.Control.UpdateServerAsync(renamed, name: "renamed-by-interop-test");
        await synchronizer.PollInstancesAsync();
        var received = await listener.ResultsAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(6, received.Count);
        Assert.Equal(Enumerable.Repeat("nova.instance.create", 5).Append("nova.instance.update"), received.Select(n => n.GetProperty("event_type").GetString()));
        Assert.All(received, n => Assert.Equal("synchronizer.functional-test", n.GetProperty("publisher_id").GetString()));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], received.Select(n => n.GetProperty("payload").GetProperty("revision").GetInt64()));
        var update = received[5].GetProperty("payload");
        Assert.Equal(renamed, update.GetProperty("id").GetString());
        Assert.Equal("renamed-by-interop-test", update.GetProperty("entity").GetProperty("name").GetString());
        Assert.Equal(["name"], update.GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString()));
    }
}
