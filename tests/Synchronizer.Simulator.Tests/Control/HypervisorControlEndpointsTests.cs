using System.Net;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Tests.Control;

public sealed class HypervisorControlEndpointsTests
{
    [Fact]
    public async Task AddHypervisorAsync_NewZone_AppearsInHypervisorsAndZonesAndGetsServers()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 0 });

        var id = await sut.Control.AddHypervisorAsync("rack7-node1", zone: "az-rack7");
        var server = await sut.Control.CreateServerAsync();

        var node = Assert.Single(await sut.Control.GetHypervisorsAsync("2.53"));
        Assert.Equal(id, node.GetProperty("id").GetString());
        Assert.Equal("rack7-node1", node.GetProperty("hypervisor_hostname").GetString());
        Assert.Contains("az-rack7", (await sut.Control.GetZonesAsync()).Select(z => z.GetProperty("zoneName").GetString()));
        var listed = Assert.Single(await sut.Control.GetServersAsync());
        Assert.Equal(server, listed.GetProperty("id").GetString());
        Assert.Equal("rack7-node1", listed.GetProperty("OS-EXT-SRV-ATTR:host").GetString());
        Assert.Equal("az-rack7", listed.GetProperty("OS-EXT-AZ:availability_zone").GetString());
    }

    [Fact]
    public async Task AddHypervisorAsync_TakenHostname_Returns400()
    {
        await using var sut = await CreateSutAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.AddHypervisorAsync("sim-compute-1"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task RemoveHypervisorAsync_HostWithServers_Returns409UnlessServersGoToo()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 1, SeedServers = 3 });

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.RemoveHypervisorAsync("sim-compute-1"));
        await sut.Control.RemoveHypervisorAsync("sim-compute-1", deleteServers: true);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Empty(await sut.Control.GetHypervisorsAsync());
        Assert.Empty(await sut.Control.GetServersAsync());
        Assert.DoesNotContain("nova", (await sut.Control.GetZonesAsync()).Select(z => z.GetProperty("zoneName").GetString()));
    }

    [Fact]
    public async Task RemoveHypervisorAsync_ByIntegerId_RemovesThatNode()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 2 });

        await sut.Control.RemoveHypervisorAsync("1");

        var left = Assert.Single(await sut.Control.GetHypervisorsAsync());
        Assert.Equal(2, left.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task UpdateHypervisorAsync_Disabled_ShowsStatusAndReasonAndGetsNoNewServers()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 2 });

        await sut.Control.UpdateHypervisorAsync("sim-compute-1", status: "disabled", disabledReason: "maintenance");
        for (var i = 0; i < 10; i++)
        {
            await sut.Control.CreateServerAsync();
        }

        var node = (await sut.Control.GetHypervisorsAsync())[0];
        Assert.Equal("disabled", node.GetProperty("status").GetString());
        Assert.Equal("maintenance", node.GetProperty("service").GetProperty("disabled_reason").GetString());
        Assert.All(await sut.Control.GetServersAsync(), s => Assert.Equal("sim-compute-2", s.GetProperty("OS-EXT-SRV-ATTR:host").GetString()));
    }

    [Fact]
    public async Task CreateServerAsync_NoHostLeft_PutsTheServerInErrorWithoutHost()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 0 });

        await sut.Control.CreateServerAsync();

        var server = Assert.Single(await sut.Control.GetServersAsync());
        Assert.Equal("ERROR", server.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, server.GetProperty("OS-EXT-SRV-ATTR:host").ValueKind);
        Assert.Equal(500, server.GetProperty("fault").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task UpdateHypervisorAsync_UnknownNode_Returns404()
    {
        await using var sut = await CreateSutAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.UpdateHypervisorAsync("nowhere", status: "disabled"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
