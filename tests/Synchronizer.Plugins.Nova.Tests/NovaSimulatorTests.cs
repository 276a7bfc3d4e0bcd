using System.Text.Json;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Plugins.Nova.Tests;

/// <summary>
/// The three Nova pollers against the in-process simulator over real HTTP. Nova clamps limit to its
/// max_limit (3 here) and links on, so 7 servers and 7 hypervisors each come in pages of 3, 3 and 1.
/// </summary>
public sealed class NovaSimulatorTests : IAsyncLifetime
{
    private SimulatorServer _simulator = null!;
    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 7, SeedProjects = 2, SeedHypervisors = 5, MaxLimit = 3 });
        await _simulator.Control.AddHypervisorAsync("edge-1", zone: "edge");
        await _simulator.Control.AddHypervisorAsync("edge-2", zone: "edge");
        _host = PluginTestHost.Create(b => b.AddNova(), SimulatorSettings.For(_simulator));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Instances_ListAcrossPages_EveryServerOnceAndFetchAgrees()
    {
        var poller = _host.Poller(NovaEntityTypes.Instance);

        var records = await poller.ListAsync(CancellationToken.None).ToListAsync();

        var truth = await _simulator.Control.GetServersAsync();
        Assert.Equal(7, records.Count);
        Assert.Equal(truth.Select(Id).Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            var fetched = await ((IEntityFetcher)poller).GetAsync(record.Id, CancellationToken.None);
            AssertSameJson(record, fetched);
        }
    }

    [Fact]
    public async Task Instances_DeletedServer_FetchReturnsNull()
    {
        var poller = _host.Poller(NovaEntityTypes.Instance);
        var victim = Id((await _simulator.Control.GetServersAsync())[0]);
        await _simulator.Control.DeleteServerAsync(victim);

        var records = await poller.ListAsync(CancellationToken.None).ToListAsync();

        Assert.DoesNotContain(victim, records.Select(r => r.Id));
        Assert.Null(await ((IEntityFetcher)poller).GetAsync(victim, CancellationToken.None));
    }

    [Fact]
    public async Task Hosts_ListAcrossPages_EveryHypervisorAsNovaShowsIt()
    {
        var records = await _host.Poller(NovaEntityTypes.Host).ListAsync(CancellationToken.None).ToListAsync();

        var truth = await _simulator.Control.GetHypervisorsAsync("2.79");
        Assert.Equal(7, records.Count);
        Assert.Equal(truth.Select(Id).Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            using var listed = JsonDocument.Parse(record.Json);
            Assert.True(JsonElement.DeepEquals(truth.Single(t => Id(t) == record.Id), listed.RootElement), $"Hypervisor {record.Id} differs from the simulator's.");
        }
    }

    [Fact]
    public async Task Hosts_Fetch_AgreesWithTheList()
    {
        var poller = _host.Poller(NovaEntityTypes.Host);

        foreach (var record in await poller.ListAsync(CancellationToken.None).ToListAsync())
        {
            var fetched = await ((IEntityFetcher)poller).GetAsync(record.Id, CancellationToken.None);
            AssertSameJson(record, fetched);
        }
    }

    [Fact]
    public async Task Zones_List_EveryZoneWithItsHostsAndNoHeartbeat()
    {
        var poller = _host.Poller(NovaEntityTypes.Zone);

        var records = await poller.ListAsync(CancellationToken.None).ToListAsync();

        var truth = await _simulator.Control.GetZonesAsync();
        Assert.Equal(truth.Select(z => z.GetProperty("zoneName").GetString()).Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Contains("edge", records.Select(r => r.Id));
        foreach (var record in records)
        {
            using var zone = JsonDocument.Parse(record.Json);
            var expected = truth.Single(t => t.GetProperty("zoneName").GetString() == record.Id);
            Assert.Equal(HostNames(expected), HostNames(zone.RootElement));
            Assert.DoesNotContain("updated_at", System.Text.Encoding.UTF8.GetString(record.Json.Span), StringComparison.Ordinal);
            AssertSameJson(record, await ((IEntityFetcher)poller).GetAsync(record.Id, CancellationToken.None));
        }
    }

    private static string Id(JsonElement entity) => entity.GetProperty("id").ToString();

    private static string[] HostNames(JsonElement zone) =>
        zone.GetProperty("hosts") is { ValueKind: JsonValueKind.Object } hosts ? [.. hosts.EnumerateObject().Select(h => h.Name).Order(StringComparer.Ordinal)] : [];

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
