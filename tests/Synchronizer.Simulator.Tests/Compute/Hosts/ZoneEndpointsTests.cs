using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Compute.Hosts;

public sealed class ZoneEndpointsTests
{
    [Fact]
    public async Task ListDetailAsync_DefaultCloud_MatchesNovaSampleShape()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        var body = await client.GetJsonAsync("compute/v2.1/os-availability-zone/detail", await client.IssueTokenAsync());

        // "hosts" maps host names to binaries: data, not schema, so only one level is compared by key.
        JsonShape.AssertSame(Fixtures.Load("nova/availability-zone-detail.json"), body, "hosts");
        Assert.Equal(["internal", "nova"], body.GetProperty("availabilityZoneInfo").EnumerateArray().Select(z => z.GetProperty("zoneName").GetString()));
        var compute = body.GetProperty("availabilityZoneInfo")[1].GetProperty("hosts").GetProperty("sim-compute-1").GetProperty("nova-compute");
        Assert.Equal(["active", "available", "updated_at"], JsonShape.Keys(compute).Order());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000$", compute.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task ListAsync_Summary_HidesInternalZoneAndHosts()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        var body = await client.GetJsonAsync("compute/v2.1/os-availability-zone", await client.IssueTokenAsync("demo", "demo", "demo"));

        JsonShape.AssertSame(Fixtures.Load("nova/availability-zone.json"), body);
        var zone = Assert.Single(body.GetProperty("availabilityZoneInfo").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, zone.GetProperty("hosts").ValueKind);
    }

    [Fact]
    public async Task ListDetailAsync_ZoneWhoseOnlyHostIsDisabled_IsListedAsNotAvailableWithoutHosts()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        await sut.Control.AddHypervisorAsync("edge-1", zone: "edge");
        await sut.Control.UpdateHypervisorAsync("edge-1", status: "disabled", disabledReason: "maintenance");

        var zones = await sut.Control.GetZonesAsync();

        var edge = zones.Single(z => z.GetProperty("zoneName").GetString() == "edge");
        Assert.False(edge.GetProperty("zoneState").GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, edge.GetProperty("hosts").ValueKind);
        Assert.Equal("edge", zones[^1].GetProperty("zoneName").GetString());
    }

    [Fact]
    public async Task ListDetailAsync_HostDown_IsNotAvailableButStillActive()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 1 });
        using var client = new OpenStackClient(sut);
        await sut.Control.UpdateHypervisorAsync("sim-compute-1", state: "down");

        var body = await client.GetJsonAsync("compute/v2.1/os-availability-zone/detail", await client.IssueTokenAsync());

        var service = body.GetProperty("availabilityZoneInfo")[1].GetProperty("hosts").GetProperty("sim-compute-1").GetProperty("nova-compute");
        Assert.False(service.GetProperty("available").GetBoolean());
        Assert.True(service.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task ListDetailAsync_AsNonAdmin_Returns403()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/os-availability-zone/detail", await client.IssueTokenAsync("demo", "demo", "demo"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
