using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Compute.Hosts;

public sealed class HypervisorEndpointsTests
{
    private const string Detail = "compute/v2.1/os-hypervisors/detail";

    [Theory]
    [InlineData("2.1", "nova/hypervisors-detail.v2.1.json")]
    [InlineData("2.53", "nova/hypervisors-detail.v2.53.json")]
    [InlineData("2.88", "nova/hypervisors-detail.v2.88.json")]
    public async Task ListDetailAsync_AtMicroversion_MatchesNovaSampleShape(string microversion, string fixture)
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 10 });
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync(Detail + "?limit=1", await client.IssueTokenAsync(), microversion);

        var body = await OpenStackClient.JsonAsync(response);
        var expected = Fixtures.Load(fixture);

        // The 2.1 sample has no links (paging starts at 2.33); the newer ones were recorded with limit=1.
        JsonShape.AssertSame(expected, body, "cpu_info");
        Assert.Equal(expected.GetProperty("hypervisors")[0].GetProperty("id").ValueKind, body.GetProperty("hypervisors")[0].GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task ListAsync_Summary_MatchesNovaSampleShape()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/os-hypervisors", await client.IssueTokenAsync());

        JsonShape.AssertSame(Fixtures.Load("nova/hypervisors.v2.1.json"), await OpenStackClient.JsonAsync(response));
    }

    [Fact]
    public async Task ListDetailAsync_Before233_IgnoresPagingAndListsIntegerIdsInOrder()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 5 });
        using var client = new OpenStackClient(sut);

        var body = await client.GetJsonAsync(Detail + "?limit=2", await client.IssueTokenAsync(), ("OpenStack-API-Version", "compute 2.27"));

        Assert.Equal([1, 2, 3, 4, 5], body.GetProperty("hypervisors").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));
        Assert.False(body.TryGetProperty("hypervisors_links", out _));
        Assert.Equal(JsonValueKind.String, body.GetProperty("hypervisors")[0].GetProperty("cpu_info").ValueKind);
    }

    [Fact]
    public async Task ListDetailAsync_UuidsAtLimit2_PagesThroughEveryNodeWithNextLinks()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 5 });
        using var client = new OpenStackClient(sut);

        var pages = await client.ReadAllPagesAsync(await client.IssueTokenAsync(), Detail + "?limit=2", "hypervisors", "hypervisors_links", ("OpenStack-API-Version", "compute 2.53"));

        Assert.Equal([2, 2, 1], pages.Select(p => p.Ids.Count));
        var truth = (await sut.Control.GetHypervisorsAsync("2.53")).Select(h => h.GetProperty("id").GetString()!);
        Assert.Equal(truth, pages.SelectMany(p => p.Ids));
        Assert.StartsWith($"{client.Base}/compute/v2.1/os-hypervisors/detail?limit=2&marker=", pages[0].Next, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.53", "1", "Invalid input for query parameters marker. Value: 1. '1' is not a 'uuid'")]
    [InlineData("2.53", "9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11", "marker [9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11] not found")]
    [InlineData("2.33", "99", "marker [99] not found")]
    public async Task ListDetailAsync_BadMarker_Returns400(string microversion, string marker, string message)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync($"{Detail}?marker={marker}", await client.IssueTokenAsync(), microversion);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await OpenStackClient.JsonAsync(response)).GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task ListDetailAsync_AsNonAdmin_Returns403()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync(Detail, await client.IssueTokenAsync("demo", "demo", "demo"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            "Policy doesn't allow os_compute_api:os-hypervisors:list-detail to be performed.",
            (await OpenStackClient.JsonAsync(response)).GetProperty("forbidden").GetProperty("message").GetString());
    }

    [Fact]
    public async Task ListDetailAsync_ServersOnHosts_SumsTheirFlavorsIntoUsage()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 40, SeedHypervisors = 3 });
        using var client = new OpenStackClient(sut);
        var servers = await sut.Control.GetServersAsync();

        var body = await client.GetJsonAsync(Detail, await client.IssueTokenAsync());

        foreach (var node in body.GetProperty("hypervisors").EnumerateArray())
        {
            var host = node.GetProperty("hypervisor_hostname").GetString();
            var mine = servers.Where(s => s.GetProperty("OS-EXT-SRV-ATTR:host").GetString() == host).ToList();
            Assert.Equal(mine.Count, node.GetProperty("running_vms").GetInt32());
            Assert.Equal(node.GetProperty("memory_mb").GetInt32() - node.GetProperty("memory_mb_used").GetInt32(), node.GetProperty("free_ram_mb").GetInt32());
        }

        Assert.Equal(40, body.GetProperty("hypervisors").EnumerateArray().Sum(h => h.GetProperty("running_vms").GetInt32()));
    }

    [Fact]
    public async Task ListDetailAsync_HostnamePatternWithServers_FiltersAndListsTheServers()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 12, SeedHypervisors = 2 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();

        var body = await client.GetJsonAsync(Detail + "?hypervisor_hostname_pattern=compute-2&with_servers=true", token, ("OpenStack-API-Version", "compute 2.75"));
        using var paged = await client.GetAsync(Detail + "?hypervisor_hostname_pattern=compute&limit=1", token, "2.75");
        using var none = await client.GetAsync(Detail + "?hypervisor_hostname_pattern=nowhere", token, "2.75");

        var node = Assert.Single(body.GetProperty("hypervisors").EnumerateArray());
        Assert.Equal("sim-compute-2", node.GetProperty("hypervisor_hostname").GetString());
        Assert.Equal(node.GetProperty("running_vms").GetInt32(), node.GetProperty("servers").GetArrayLength());
        Assert.Equal(["name", "uuid"], JsonShape.Keys(node.GetProperty("servers")[0]).Order());
        Assert.Equal(HttpStatusCode.BadRequest, paged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task ListDetailAsync_At288_HasUptimeForUpNodesAndNullForDownOnes()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedHypervisors = 2 });
        using var client = new OpenStackClient(sut);
        await sut.Control.UpdateHypervisorAsync("sim-compute-2", state: "down");

        var body = await client.GetJsonAsync(Detail, await client.IssueTokenAsync(), ("OpenStack-API-Version", "compute 2.88"));

        var nodes = body.GetProperty("hypervisors").EnumerateArray().ToList();
        Assert.Matches(@"^ \d\d:\d\d:\d\d up 41 days, +\d+:\d\d, +0 users, +load average: ", nodes[0].GetProperty("uptime").GetString());
        Assert.Equal("down", nodes[1].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[1].GetProperty("uptime").ValueKind);
        Assert.False(nodes[0].TryGetProperty("vcpus", out _));
    }

    [Theory]
    [InlineData("2.1")]
    [InlineData("2.53")]
    [InlineData("2.79")]
    public async Task ShowAsync_EachNode_SameAsItsDetailListEntry(string microversion)
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 20, SeedHypervisors = 3 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        var header = ("OpenStack-API-Version", $"compute {microversion}");

        var list = await client.GetJsonAsync(Detail, token, header);

        Assert.Equal(3, list.GetProperty("hypervisors").GetArrayLength());
        foreach (var node in list.GetProperty("hypervisors").EnumerateArray())
        {
            var body = await client.GetJsonAsync($"compute/v2.1/os-hypervisors/{node.GetProperty("id")}", token, header);
            Assert.Equal(["hypervisor"], JsonShape.Keys(body));
            Assert.Equal(JsonSerializer.Serialize(node), JsonSerializer.Serialize(body.GetProperty("hypervisor")));
        }
    }

    [Fact]
    public async Task ShowAsync_WithServersFrom253_ListsTheNodesServers()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 12, SeedHypervisors = 2 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        var uuid = (await client.GetJsonAsync(Detail, token, ("OpenStack-API-Version", "compute 2.53"))).GetProperty("hypervisors")[0].GetProperty("id").GetString();

        var body = await client.GetJsonAsync($"compute/v2.1/os-hypervisors/{uuid}?with_servers=true", token, ("OpenStack-API-Version", "compute 2.53"));

        var node = body.GetProperty("hypervisor");
        Assert.Equal(node.GetProperty("running_vms").GetInt32(), node.GetProperty("servers").GetArrayLength());
    }

    [Theory]
    [InlineData("2.1", "99", 404, "itemNotFound", "Hypervisor with ID '99' could not be found.")]
    [InlineData("2.52", "sim-compute-1", 404, "itemNotFound", "Hypervisor with ID 'sim-compute-1' could not be found.")]
    [InlineData("2.53", "9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11", 404, "itemNotFound", "Hypervisor with ID '9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11' could not be found.")]
    [InlineData("2.53", "1", 400, "badRequest", "Invalid uuid 1")]
    public async Task ShowAsync_UnknownOrMalformedId_ReturnsNovaFault(string microversion, string id, int status, string fault, string message)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync($"compute/v2.1/os-hypervisors/{id}", await client.IssueTokenAsync(), microversion);

        Assert.Equal(status, (int)response.StatusCode);
        var body = await OpenStackClient.JsonAsync(response);
        Assert.Equal(status, body.GetProperty(fault).GetProperty("code").GetInt32());
        Assert.Equal(message, body.GetProperty(fault).GetProperty("message").GetString());
    }

    [Fact]
    public async Task ShowAsync_AsNonAdmin_Returns403()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/os-hypervisors/1", await client.IssueTokenAsync("demo", "demo", "demo"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
