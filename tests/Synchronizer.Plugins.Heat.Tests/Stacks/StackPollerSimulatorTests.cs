using System.Text.Json;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Plugins.Heat.Tests.Stacks;

/// <summary>The poller against the in-process simulator over real HTTP: Keystone, the catalog and Heat's paging.</summary>
public sealed class StackPollerSimulatorTests : IAsyncLifetime
{
    private SimulatorServer _simulator = null!;
    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedStacks = 7, SeedProjects = 2 });
        _host = PluginTestHost.Create(b => b.AddHeat(), SimulatorSettings.For(_simulator, ("heat:page_size", "3")));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task ListAsync_SevenStacksInPagesOfThree_ListsEachAsHeatShowsIt()
    {
        var records = await Poller.ListAsync(CancellationToken.None).ToListAsync();

        var truth = await _simulator.Control.GetStacksAsync();
        Assert.Equal(7, truth.Count);
        AssertSameEntities(truth, records);
    }

    [Fact]
    public async Task ListAsync_AfterUpdateAndDelete_SeesTheCloudAsItIs()
    {
        var before = await _simulator.Control.GetStacksAsync();
        await _simulator.Control.UpdateStackAsync(Id(before[0]), stackStatus: "UPDATE_FAILED");
        await _simulator.Control.DeleteStackAsync(Id(before[1]));

        var records = await Poller.ListAsync(CancellationToken.None).ToListAsync();

        var truth = await _simulator.Control.GetStacksAsync();
        Assert.Equal(6, truth.Count);
        AssertSameEntities(truth, records);
        using var updated = JsonDocument.Parse(records.Single(r => r.Id == Id(before[0])).Json);
        Assert.Equal("UPDATE_FAILED", updated.RootElement.GetProperty("stack_status").GetString());
    }

    [Fact]
    public async Task GetAsync_EachStack_AgreesWithTheListAndADeletedOneIsGone()
    {
        var records = await Poller.ListAsync(CancellationToken.None).ToListAsync();
        var fetcher = (IEntityFetcher)Poller;

        foreach (var record in records)
        {
            var fetched = await fetcher.GetAsync(record.Id, CancellationToken.None);
            AssertSameJson(record, fetched);
        }

        await _simulator.Control.DeleteStackAsync(records[0].Id);
        Assert.Null(await fetcher.GetAsync(records[0].Id, CancellationToken.None));
    }

    private IEntityPoller Poller => _host.Poller(HeatEntityTypes.Stack);

    private static string Id(JsonElement stack) => stack.GetProperty("id").GetString()!;

    private static void AssertSameEntities(IReadOnlyList<JsonElement> truth, IReadOnlyList<EntityRecord> records)
    {
        Assert.Equal(truth.Select(Id).Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            using var listed = JsonDocument.Parse(record.Json);
            Assert.True(JsonElement.DeepEquals(truth.Single(t => Id(t) == record.Id), listed.RootElement), $"Stack {record.Id} differs from the simulator's.");
        }
    }

    // Key order is not part of an entity: the hash is taken over canonical JSON (CONTRACT §1).
    private static void AssertSameJson(EntityRecord listed, EntityRecord? fetched)
    {
        Assert.NotNull(fetched);
        using var left = JsonDocument.Parse(listed.Json);
        using var right = JsonDocument.Parse(fetched.Json);
        var names = left.RootElement.EnumerateObject().Select(p => p.Name).Union(right.RootElement.EnumerateObject().Select(p => p.Name));
        var differing = names.Where(n => !(left.RootElement.TryGetProperty(n, out var l) && right.RootElement.TryGetProperty(n, out var r) && JsonElement.DeepEquals(l, r)));
        Assert.Empty(differing);
    }
}
