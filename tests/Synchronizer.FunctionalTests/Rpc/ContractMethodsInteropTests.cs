using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Service.Hosting;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>The real Python oslo.messaging RPC client calls every method of CONTRACT §4 on the real service.</summary>
[Trait("Category", "Interop")]
[Collection(BrokerTests.Name)]
public sealed class ContractMethodsInteropTests
{
    [Fact]
    public async Task OsloRpcClient_EveryMethod_GetsTheContractResultsAndErrors()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions(), CancellationToken.None);
        await simulator.Control.SeedServersAsync(25);
        var exchange = TestBroker.UniqueExchange();
        var settings = SynchronizerHarness.Settings(simulator, exchange, new Dictionary<string, string?>
        {
            ["nova.instance:interval"] = "3600",
            ["nova.host:enabled"] = "false",
            ["nova.zone:enabled"] = "false",
            ["cinder.volume:enabled"] = "false",
            ["heat.stack:enabled"] = "false",
        });
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await host.StartAsync();
        var truth = (await simulator.Control.GetServersAsync()).Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();

        var replies = await OsloRpcClientProcess.RunAsync(exchange, "synchronizer", [
            new { method = "sync", kwargs = new { entity_type = "nova.instance" } },
            new { method = "list_types" },
            new { method = "get_all", kwargs = new { entity_type = "nova.instance", limit = 10 } },
            new { method = "get_changes", kwargs = new { entity_type = "nova.instance", since_revision = 20 } },
            new { method = "reconcile", kwargs = new { entity_type = "nova.instance", inventory = new Dictionary<string, string> { [truth[0]] = "xxh3-64:0000000000000000", ["gone"] = "xxh3-64:1111111111111111" } } },
            new { method = "get_all", kwargs = new { entity_type = "nova.nothing" } },
            new { method = "get_all", kwargs = new { entity_type = "nova.instance", limit = 100000 } },
            new { method = "get_all", kwargs = new { entity_type = "nova.instance", colour = "red" } },
            new { method = "get_all", kwargs = new { entity_type = "nova.instance", marker = "0123:abc" } },
            new { method = "drop_tables" },
        ], TimeSpan.FromSeconds(120));
        await host.StopAsync();

        Assert.Equal("ok", replies[0].GetProperty("result").GetProperty("results")[0].GetProperty("status").GetString());
        var instances = replies[1].GetProperty("result").GetProperty("types").EnumerateArray().Single(t => t.GetProperty("entity_type").GetString() == "nova.instance");
        Assert.Equal(25, instances.GetProperty("revision").GetInt64());
        Assert.Equal(25, instances.GetProperty("count").GetInt32());
        var page = replies[2].GetProperty("result");
        Assert.Equal(25, page.GetProperty("revision").GetInt64());
        Assert.Equal(truth[..10], page.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.String, page.GetProperty("next_marker").ValueKind);
        Assert.Equal([21L, 22L, 23L, 24L, 25L], replies[3].GetProperty("result").GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("revision").GetInt64()));
        var reconcile = replies[4].GetProperty("result");
        Assert.Equal(25, reconcile.GetProperty("upserts").GetArrayLength());
        Assert.Equal(["gone"], reconcile.GetProperty("deletes").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(
            ["UnknownEntityType", "InvalidArgument", "InvalidArgument", "SnapshotExpired", "UnknownMethod"],
            replies.Skip(5).Select(r => r.GetProperty("error").GetProperty("exc_type").GetString()));
    }

    [Fact]
    public async Task OsloRpcClient_GetAllPages_FormOneSnapshotWhileTheCloudChanges()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions(), CancellationToken.None);
        await simulator.Control.SeedServersAsync(12);
        var exchange = TestBroker.UniqueExchange();
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(
            SynchronizerHarness.Settings(simulator, exchange, new Dictionary<string, string?> { ["nova.instance:interval"] = "3600" })).Build());
        await host.StartAsync();

        var first = (await OsloRpcClientProcess.RunAsync(exchange, "synchronizer", [
            new { method = "sync", kwargs = new { entity_type = "nova.instance" } },
            new { method = "get_all", kwargs = new { entity_type = "nova.instance", limit = 5 } },
        ], TimeSpan.FromSeconds(60)))[1].GetProperty("result");
        var created = await simulator.Control.CreateServerAsync("made-while-paging");
        var replies = await OsloRpcClientProcess.RunAsync(exchange, "synchronizer", [
            new { method = "sync", kwargs = new { entity_type = "nova.instance" } },
            new { method = "get_all", kwargs = new { entity_type = "nova.instance", limit = 5, marker = first.GetProperty("next_marker").GetString() } },
        ], TimeSpan.FromSeconds(60));
        await host.StopAsync();

        var second = replies[1].GetProperty("result");
        Assert.Equal(13, replies[0].GetProperty("result").GetProperty("results")[0].GetProperty("revision").GetInt64());
        Assert.Equal(first.GetProperty("revision").GetInt64(), second.GetProperty("revision").GetInt64());
        Assert.DoesNotContain(created, second.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }
}
