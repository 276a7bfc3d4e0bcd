using System.Net;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Image;

public sealed class ImageRoutesTests
{
    [Fact]
    public async Task ShowAsync_TheImageServersBootFrom_MatchesGlanceSampleShape()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 1 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        var imageId = (await sut.Control.GetServersAsync())[0].GetProperty("image").GetProperty("id").GetString();

        var image = await client.GetJsonAsync($"image/v2/images/{imageId}", token);

        // The sample has no custom properties; the simulator's image carries two (architecture, hw_rng_model).
        var keys = JsonShape.Keys(image).Except(["architecture", "hw_rng_model"]).Order(StringComparer.Ordinal);
        Assert.Equal(JsonShape.Keys(Fixtures.Load("glance/image-show.json")).Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task ListAsync_WithToken_ListsTheOneImageWithRelativeLinks()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);

        var body = await client.GetJsonAsync("image/v2/images", await client.IssueTokenAsync());

        Assert.Equal(1, body.GetProperty("images").GetArrayLength());
        Assert.Equal("/v2/images", body.GetProperty("first").GetString());
    }

    [Fact]
    public async Task ListAsync_WithoutToken_Returns401()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("image/v2/images", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
