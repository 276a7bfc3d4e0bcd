using System.Text.Json;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Plugins.Cinder.Tests.Volumes;

/// <summary>The poller against the in-process simulator over real HTTP: Keystone, the catalog, microversions and Cinder's paging.</summary>
public sealed class VolumePollerSimulatorTests : IAsyncLifetime
{
    private SimulatorServer _simulator = null!;
    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        // Cinder clamps limit to osapi_max_limit and links on: 7 volumes come in pages of 3, 3 and 1.
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedVolumes = 7, SeedProjects = 2, MaxLimit = 3 });
        _host = PluginTestHost.Create(b => b.AddCinder(), SimulatorSettings.For(_simulator));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task ListAsync_ServerClampsPagesToThree_FollowsVolumesLinksToTheEnd()
    {
        var records = await Poller.ListAsync(CancellationToken.None).ToListAsync();

        var truth = await _simulator.Control.GetVolumesAsync("3.59");
        Assert.Equal(7, truth.Count);
        AssertSameEntities(truth, records);
    }

    [Fact]
    public async Task GetAsync_EachVolume_AgreesWithTheList()
    {
        var records = await Poller.ListAsync(CancellationToken.None).ToListAsync();

        foreach (var record in records)
        {
            var fetched = await Fetcher.GetAsync(record.Id, CancellationToken.None);
            AssertSameJson(record, fetched);
        }
    }

    [Fact]
    public async Task ListAndGet_AfterChanges_SeeTheCloudAsItIs()
    {
        var before = await _simulator.Control.GetVolumesAsync();
        await _simulator.Control.UpdateVolumeAsync(Id(before[0]), name: "renamed", status: "in-use");
        await _simulator.Control.DeleteVolumeAsync(Id(before[1]));

        var records = await Poller.ListAsync(CancellationToken.None).ToListAsync();
        var deleted = await Fetcher.GetAsync(Id(before[1]), CancellationToken.None);

        AssertSameEntities(await _simulator.Control.GetVolumesAsync("3.59"), records);
        Assert.Null(deleted);
        using var renamed = JsonDocument.Parse(records.Single(r => r.Id == Id(before[0])).Json);
        Assert.Equal("renamed", renamed.RootElement.GetProperty("name").GetString());
    }

    private IEntityPoller Poller => _host.Poller(CinderEntityTypes.Volume);

    private IEntityFetcher Fetcher => (IEntityFetcher)Poller;

    private static string Id(JsonElement volume) => volume.GetProperty("id").GetString()!;

    private static void AssertSameEntities(IReadOnlyList<JsonElement> truth, IReadOnlyList<EntityRecord> records)
    {
        Assert.Equal(truth.Select(Id).Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            using var listed = JsonDocument.Parse(record.Json);
            Assert.True(JsonElement.DeepEquals(truth.Single(t => Id(t) == record.Id), listed.RootElement), $"Volume {record.Id} differs from the simulator's.");
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
