using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Control;

public sealed class ControlEndpointsTests
{
    [Fact]
    public async Task CreateServerAsync_NewServer_AppearsInNovaListing()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        var id = await sut.Control.CreateServerAsync("db-1");

        var listed = await ListAsync(client);
        var server = Assert.Single(listed);
        Assert.Equal(id, server.GetProperty("id").GetString());
        Assert.Equal("db-1", server.GetProperty("name").GetString());
        Assert.Equal("ACTIVE", server.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdateServerAsync_NameAndStatus_AreReflectedWithConsistentStatesAndNewUpdated()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var sut = await CreateSutAsync(new SimulatorOptions { TimeProvider = clock });
        using var client = new OpenStackClient(sut);
        var id = await sut.Control.CreateServerAsync("web-1");
        var before = Assert.Single(await ListAsync(client));

        clock.Advance(TimeSpan.FromMinutes(3));
        await sut.Control.UpdateServerAsync(id, name: "web-1-renamed", status: "SHUTOFF");

        var after = Assert.Single(await ListAsync(client));
        Assert.Equal("web-1-renamed", after.GetProperty("name").GetString());
        Assert.Equal("SHUTOFF", after.GetProperty("status").GetString());
        Assert.Equal("stopped", after.GetProperty("OS-EXT-STS:vm_state").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("OS-EXT-STS:task_state").ValueKind);
        Assert.Equal(4, after.GetProperty("OS-EXT-STS:power_state").GetInt32());
        Assert.Equal("2026-11-22T10:00:00Z", before.GetProperty("updated").GetString());
        Assert.Equal("2026-11-22T10:03:00Z", after.GetProperty("updated").GetString());
        Assert.Equal(before.GetProperty("created").GetString(), after.GetProperty("created").GetString());
    }

    [Theory]
    [InlineData("ACTIVE", "active", null, 1)]
    [InlineData("PAUSED", "paused", null, 3)]
    [InlineData("SUSPENDED", "suspended", null, 7)]
    [InlineData("REBOOT", "active", "rebooting", 1)]
    [InlineData("BUILD", "building", "spawning", 0)]
    [InlineData("SHELVED_OFFLOADED", "shelved_offloaded", null, 4)]
    public async Task UpdateServerAsync_Status_SetsNovasStates(string status, string vmState, string? taskState, int powerState)
    {
        await using var sut = await CreateSutAsync();
        var id = await sut.Control.CreateServerAsync();
        await sut.Control.UpdateServerAsync(id, status: "SHUTOFF");

        await sut.Control.UpdateServerAsync(id, status: status);

        var server = Assert.Single(await sut.Control.GetServersAsync());
        Assert.Equal(status, server.GetProperty("status").GetString());
        Assert.Equal(vmState, server.GetProperty("OS-EXT-STS:vm_state").GetString());
        Assert.Equal(taskState, server.GetProperty("OS-EXT-STS:task_state").GetString());
        Assert.Equal(powerState, server.GetProperty("OS-EXT-STS:power_state").GetInt32());
    }

    [Fact]
    public async Task UpdateServerAsync_UnknownStatus_IsRejected()
    {
        await using var sut = await CreateSutAsync();
        var id = await sut.Control.CreateServerAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.UpdateServerAsync(id, status: "FLYING"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task SetServerMetadataAsync_NewMetadata_ReplacesTheOld()
    {
        await using var sut = await CreateSutAsync();
        var id = await sut.Control.CreateServerAsync();

        await sut.Control.SetServerMetadataAsync(id, new Dictionary<string, string> { ["role"] = "db" });

        var metadata = Assert.Single(await sut.Control.GetServersAsync()).GetProperty("metadata");
        Assert.Equal("""{"role":"db"}""", JsonSerializer.Serialize(metadata));
    }

    [Fact]
    public async Task DeleteServerAsync_ExistingServer_DisappearsFromListingAndGroundTruth()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 2 });
        using var client = new OpenStackClient(sut);
        var id = (await sut.Control.GetServersAsync())[0].GetProperty("id").GetString()!;

        await sut.Control.DeleteServerAsync(id);

        Assert.DoesNotContain(id, (await ListAsync(client)).Select(s => s.GetProperty("id").GetString()));
        Assert.DoesNotContain(id, (await sut.Control.GetServersAsync()).Select(s => s.GetProperty("id").GetString()));
        var again = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.DeleteServerAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task SeedServersAsync_SeveralProjects_SpreadsServersOverThem()
    {
        await using var sut = await CreateSutAsync();

        await sut.Control.SeedServersAsync(12, projects: 4);

        var servers = await sut.Control.GetServersAsync();
        Assert.Equal(12, servers.Count);
        Assert.All(servers.GroupBy(s => s.GetProperty("tenant_id").GetString()), g => Assert.Equal(3, g.Count()));
    }

    [Fact]
    public async Task GetServersAsync_GroundTruth_EqualsNovaAdminListingAtDefaultMicroversion()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 5, SeedProjects = 2 });
        using var client = new OpenStackClient(sut);

        var truth = await sut.Control.GetServersAsync();
        var listed = await ListAsync(client, "?all_tenants=1");

        Assert.Equal(listed.Select(s => JsonSerializer.Serialize(s)), truth.Select(s => JsonSerializer.Serialize(s)));
    }

    private static async Task<List<JsonElement>> ListAsync(OpenStackClient client, string query = "")
    {
        using var response = await client.GetAsync("compute/v2.1/servers/detail" + query, await client.IssueTokenAsync());
        return [.. (await OpenStackClient.JsonAsync(response)).GetProperty("servers").EnumerateArray()];
    }

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
