using System.Text.Json;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Nova.Tests.Zones;

public sealed class ZonePollerTests : IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    [Fact]
    public async Task ListAsync_LeavesOutOnlyTheServicesHeartbeat()
    {
        var sut = CreateSut(NovaFixtures.Client());

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();

        var nova = records.Single(r => r.Id == "nova");
        using var zone = JsonDocument.Parse(nova.Json);
        var service = zone.RootElement.GetProperty("hosts").GetProperty("compute").GetProperty("nova-compute");
        Assert.False(service.TryGetProperty("updated_at", out _));
        Assert.True(service.GetProperty("available").GetBoolean());
        Assert.True(service.GetProperty("active").GetBoolean());
        Assert.True(zone.RootElement.GetProperty("zoneState").GetProperty("available").GetBoolean());
        Assert.Equal("nova", zone.RootElement.GetProperty("zoneName").GetString());
    }

    [Fact]
    public async Task ListAsync_HeartbeatMoved_SameEntity()
    {
        var before = CreateSut(ZoneList("2026-11-22T10:00:00.000000"));
        var after = CreateSut(ZoneList("2026-11-22T10:00:10.000000"));

        var first = Assert.Single(await before.ListAsync(CancellationToken.None).ToListAsync());
        var second = Assert.Single(await after.ListAsync(CancellationToken.None).ToListAsync());

        Assert.Equal(first.Json.ToArray(), second.Json.ToArray());
    }

    [Fact]
    public async Task ListAsync_ZoneWithoutHosts_KeptAsListed()
    {
        var client = new FixtureOpenStackClient().OnPath("compute", "/os-availability-zone/detail",
            FixtureResponse.Ok("{\"availabilityZoneInfo\": [{\"zoneName\": \"az-empty\", \"zoneState\": {\"available\": true}, \"hosts\": null}]}"));

        var record = Assert.Single(await CreateSut(client).ListAsync(CancellationToken.None).ToListAsync());

        using var zone = JsonDocument.Parse(record.Json);
        Assert.Equal(JsonValueKind.Null, zone.RootElement.GetProperty("hosts").ValueKind);
    }

    [Fact]
    public async Task ListAsync_NonAsciiNames_KeptUnescaped()
    {
        var client = new FixtureOpenStackClient().OnPath("compute", "/os-availability-zone/detail", FixtureResponse.Ok(
            "{\"availabilityZoneInfo\": [{\"zoneName\": \"zone-été\", \"zoneState\": {\"available\": true}, \"hosts\": {\"hôte-1\": {\"nova-compute\": {\"active\": true, \"updated_at\": null}}}}]}"));

        var record = Assert.Single(await CreateSut(client).ListAsync(CancellationToken.None).ToListAsync());

        Assert.Equal("zone-été", record.Id);
        Assert.Contains("\"hôte-1\"", System.Text.Encoding.UTF8.GetString(record.Json.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"zones\": []}")]
    [InlineData("{\"availabilityZoneInfo\": [{\"zoneState\": {}}]}")]
    [InlineData("{\"availabilityZoneInfo\": [")]
    public async Task ListAsync_UnreadableBody_ThrowsOpenStackException(string body)
    {
        var client = new FixtureOpenStackClient().OnPath("compute", "/os-availability-zone/detail", FixtureResponse.Ok(body));

        await Assert.ThrowsAsync<OpenStackException>(() => CreateSut(client).ListAsync(CancellationToken.None).ToListAsync().AsTask());
    }

    [Fact]
    public async Task ListAsync_SendsTheMicroversionAndNoPaging()
    {
        var client = NovaFixtures.Client();

        await CreateSut(client).ListAsync(CancellationToken.None).ToListAsync();

        var request = Assert.Single(client.Requests);
        Assert.Equal("/os-availability-zone/detail", request.PathAndQuery);
        Assert.Equal(ApiVersion.UpTo("compute", "2.79"), request.Version);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private static FixtureOpenStackClient ZoneList(string heartbeat) => new FixtureOpenStackClient().OnPath("compute", "/os-availability-zone/detail", FixtureResponse.Ok(
        """{"availabilityZoneInfo": [{"zoneName": "nova", "zoneState": {"available": true}, "hosts": {"compute-1": {"nova-compute": {"active": true, "available": true, "updated_at": """
        + $"\"{heartbeat}\"" + "}}}}]}"));

    private IEntityPoller CreateSut(FixtureOpenStackClient client) => NovaFixtures.HostFor(client, _hosts).Poller(NovaEntityTypes.Zone);
}
