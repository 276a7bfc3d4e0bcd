using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Compute;

public sealed class FlavorEndpointsTests
{
    [Fact]
    public async Task ListDetailAsync_Default_MatchesNovaSampleShape()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);

        var body = await client.GetJsonAsync("compute/v2.1/flavors/detail", await client.IssueTokenAsync());

        JsonShape.AssertSame(Fixtures.Load("nova/flavors-detail.v2.1.json"), body);
        Assert.Equal(["1", "2", "3", "4"], body.GetProperty("flavors").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListDetailAsync_At275_HasIntegerSwapDescriptionAndExtraSpecs()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);

        var flavor = (await client.GetJsonAsync("compute/v2.1/flavors/detail", await client.IssueTokenAsync(), ("OpenStack-API-Version", "compute 2.75")))
            .GetProperty("flavors")[3];

        Assert.Equal(0, flavor.GetProperty("swap").GetInt32());
        Assert.Equal(JsonValueKind.Null, flavor.GetProperty("description").ValueKind);
        Assert.Equal("1", flavor.GetProperty("extra_specs").GetProperty("hw:numa_nodes").GetString());
    }

    [Fact]
    public async Task ShowAsync_UnknownFlavor_Returns404()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/flavors/42", await client.IssueTokenAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Flavor 42 could not be found.", (await OpenStackClient.JsonAsync(response)).GetProperty("itemNotFound").GetProperty("message").GetString());
    }
}
