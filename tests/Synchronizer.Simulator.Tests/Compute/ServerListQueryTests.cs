using System.Net;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Compute;

/// <summary>changes-since on servers/detail: servers updated at or after the time, deleted ones included as nova lists them.</summary>
public sealed class ServerListQueryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Parse_ChangesSince_ListsOnlyServersUpdatedAtOrAfterIncludingDeleted()
    {
        var clock = new ManualClock(Start);
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 5, TimeProvider = clock });
        using var client = new OpenStackClient(sut);
        var ids = (await sut.Control.GetServersAsync()).Select(s => s.GetProperty("id").GetString()!).ToList();
        clock.Advance(TimeSpan.FromMinutes(10));
        await sut.Control.UpdateServerAsync(ids[0], name: "renamed");
        await sut.Control.DeleteServerAsync(ids[1]);
        var created = await sut.Control.CreateServerAsync("new");

        var body = await client.GetJsonAsync("compute/v2.1/servers/detail?changes-since=2026-11-22T10:10:00Z", await client.IssueTokenAsync());

        var servers = body.GetProperty("servers").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(new[] { ids[0], ids[1], created }.Order(), servers.Keys.Order());
        Assert.Equal("DELETED", servers[ids[1]].GetProperty("status").GetString());
        Assert.Equal("deleted", servers[ids[1]].GetProperty("OS-EXT-STS:vm_state").GetString());
        Assert.Empty(servers[ids[1]].GetProperty("addresses").EnumerateObject());
        Assert.Equal("ACTIVE", servers[ids[0]].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Parse_ChangesSinceBeforeEverything_PagesThroughAllWithMarkers()
    {
        var clock = new ManualClock(Start);
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 7, TimeProvider = clock });
        using var client = new OpenStackClient(sut);
        var doomed = (await sut.Control.GetServersAsync())[3].GetProperty("id").GetString()!;
        await sut.Control.DeleteServerAsync(doomed);

        var pages = await client.ReadAllPagesAsync(await client.IssueTokenAsync(), "compute/v2.1/servers/detail?changes-since=2026-11-01T00:00:00&limit=3", "servers", "servers_links");

        Assert.Equal([3, 3, 1], pages.Where(p => p.Ids.Count > 0).Select(p => p.Ids.Count));
        Assert.Contains(doomed, pages.SelectMany(p => p.Ids));
        Assert.Contains("changes-since=2026-11-01T00%3A00%3A00", pages[0].Next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ChangesSinceNotADate_Returns400()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/detail?changes-since=yesterday", await client.IssueTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "Invalid input for query parameters changes-since. Value: yesterday. 'yesterday' is not a 'date-time'",
            (await OpenStackClient.JsonAsync(response)).GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Parse_WithoutChangesSince_LeavesDeletedServersOut()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 2 });
        using var client = new OpenStackClient(sut);
        await sut.Control.DeleteServerAsync((await sut.Control.GetServersAsync())[0].GetProperty("id").GetString()!);

        var body = await client.GetJsonAsync("compute/v2.1/servers/detail", await client.IssueTokenAsync());

        Assert.Equal(1, body.GetProperty("servers").GetArrayLength());
    }
}
