using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.BlockStorage;

public sealed class VolumeEndpointsTests
{
    [Fact]
    public async Task ListDetailAsync_2500VolumesAtLimit1000_ReturnsThreePagesInGroundTruthOrder()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedVolumes = 2500, SeedProjects = 3 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        var pages = await client.ReadAllPagesAsync(token, $"volume/v3/{project}/volumes/detail?all_tenants=1&limit=1000", "volumes", "volumes_links");

        // A full page links on even when nothing follows, so the fourth request is an empty last page.
        Assert.Equal([1000, 1000, 500], pages.Select(p => p.Ids.Count));
        Assert.Null(pages[^1].Next);
        var truth = (await sut.Control.GetVolumesAsync()).Select(v => v.GetProperty("id").GetString());
        Assert.Equal(truth, pages.SelectMany(p => p.Ids));
        Assert.Equal(
            $"{client.Base}/volume/v3/{project}/volumes/detail?all_tenants=1&limit=1000&marker={pages[0].Ids[^1]}",
            pages[0].Next);
    }

    [Fact]
    public async Task ListDetailAsync_NextLink_KeepsTheRequestsParameterOrderAndMovesMarkerLast()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedVolumes = 5 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var first = (await sut.Control.GetVolumesAsync())[0].GetProperty("id").GetString();

        var body = await client.GetJsonAsync($"volume/v3/{project}/volumes/detail?marker={first}&limit=2&all_tenants=True", token);

        var last = body.GetProperty("volumes")[1].GetProperty("id").GetString();
        Assert.Equal(
            $"{client.Base}/volume/v3/{project}/volumes/detail?limit=2&all_tenants=True&marker={last}",
            body.GetProperty("volumes_links")[0].GetProperty("href").GetString());
    }

    [Fact]
    public async Task ListDetailAsync_WithoutAllTenants_ShowsOnlyTheTokensProject()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedVolumes = 9, SeedProjects = 3 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        var own = await client.GetJsonAsync($"volume/v3/{project}/volumes/detail", token);

        Assert.Equal(3, own.GetProperty("volumes").GetArrayLength());
        Assert.All(own.GetProperty("volumes").EnumerateArray(), v => Assert.Equal(project, v.GetProperty("os-vol-tenant-attr:tenant_id").GetString()));
    }

    [Fact]
    public async Task ListDetailAsync_AllTenantsAsNonAdmin_IsIgnored()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedVolumes = 4 });
        using var client = new OpenStackClient(sut);
        var demoProject = await client.ProjectIdAsync("demo", "demo", "demo");
        await sut.Control.CreateVolumeAsync("mine", demoProject);

        var body = await client.GetJsonAsync($"volume/v3/{demoProject}/volumes/detail?all_tenants=1", await client.IssueTokenAsync("demo", "demo", "demo"));

        var volume = Assert.Single(body.GetProperty("volumes").EnumerateArray());
        Assert.Equal("mine", volume.GetProperty("name").GetString());
        Assert.False(volume.TryGetProperty("os-vol-host-attr:host", out _));
    }

    [Fact]
    public async Task ListDetailAsync_MarkerOfDeletedVolume_Returns404AsCinderDoes()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedVolumes = 3 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var id = (await sut.Control.GetVolumesAsync())[1].GetProperty("id").GetString()!;
        await sut.Control.DeleteVolumeAsync(id);

        using var response = await client.GetAsync($"volume/v3/{project}/volumes/detail?marker={id}", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"Volume {id} could not be found.", (await OpenStackClient.JsonAsync(response)).GetProperty("itemNotFound").GetProperty("message").GetString());
    }

    [Fact]
    public async Task ShowAsync_UnknownId_Returns404LikeCinder()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        using var response = await client.GetAsync($"volume/v3/{project}/volumes/9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", OpenStackClient.ContentType(response)!.ToString());
        var expected = Fixtures.Load("cinder/error.itemNotFound-404.json");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task ShowAsync_ExistingVolume_ReturnsItUnderVolumeWithLinks()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var id = await sut.Control.CreateVolumeAsync("data-1", size: 20);

        var volume = (await client.GetJsonAsync($"volume/v3/{project}/volumes/{id}", token)).GetProperty("volume");

        Assert.Equal("data-1", volume.GetProperty("name").GetString());
        Assert.Equal(20, volume.GetProperty("size").GetInt32());
        Assert.Equal($"{client.Base}/volume/v3/{project}/volumes/{id}", volume.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal($"{client.Base}/volume/{project}/volumes/{id}", volume.GetProperty("links")[1].GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("compute 2.79", HttpStatusCode.BadRequest)]
    [InlineData("volume 3.x", HttpStatusCode.BadRequest)]
    [InlineData("volume 3.99", HttpStatusCode.NotAcceptable)]
    [InlineData("volume 2.0", HttpStatusCode.NotAcceptable)]
    public async Task ListDetailAsync_BadMicroversionHeader_IsRejected(string header, HttpStatusCode status)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        using var response = await client.GetWithHeadersAsync($"volume/v3/{project}/volumes/detail", token, ("OpenStack-API-Version", header));

        Assert.Equal(status, response.StatusCode);
        Assert.True((await OpenStackClient.JsonAsync(response)).TryGetProperty(status == HttpStatusCode.BadRequest ? "badRequest" : "computeFault", out _));
    }

    [Theory]
    [InlineData(null, "volume 3.0")]
    [InlineData("volume 3.69", "volume 3.69")]
    [InlineData("compute 2.79, volume latest", "volume 3.71")]
    public async Task ListDetailAsync_MicroversionHeader_IsEchoed(string? header, string echoed)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        using var response = header is null
            ? await client.GetWithHeadersAsync($"volume/v3/{project}/volumes/detail", token)
            : await client.GetWithHeadersAsync($"volume/v3/{project}/volumes/detail", token, ("OpenStack-API-Version", header));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(echoed, OpenStackClient.Header(response, "OpenStack-API-Version"));
        Assert.Equal("OpenStack-API-Version", OpenStackClient.Header(response, "Vary"));
    }

    [Fact]
    public async Task ListDetailAsync_AnotherProjectInTheUrl_Returns400MalformedUrl()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var demoProject = await client.ProjectIdAsync("demo", "demo", "demo");

        using var response = await client.GetAsync($"volume/v3/{demoProject}/volumes/detail", await client.IssueTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Malformed request url", (await OpenStackClient.JsonAsync(response)).GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task ListDetailAsync_WithCountAt345_CountsEveryMatchAndLinksEvenTheLastPage()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedVolumes = 3 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var second = (await sut.Control.GetVolumesAsync())[1].GetProperty("id").GetString();

        var body = await client.GetJsonAsync($"volume/v3/{project}/volumes/detail?with_count=true&limit=2&marker={second}", token, ("OpenStack-API-Version", "volume 3.45"));

        Assert.Equal(3, body.GetProperty("count").GetInt32());
        Assert.Equal(1, body.GetProperty("volumes").GetArrayLength());
        Assert.True(body.TryGetProperty("volumes_links", out _));
    }

    [Fact]
    public async Task ListAsync_Summary_MatchesCinderSampleShape()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedVolumes = 2 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        var body = await client.GetJsonAsync($"volume/v3/{project}/volumes", token);

        JsonShape.AssertSame(Fixtures.Load("cinder/volumes.v3.0.json"), body);
    }

    [Theory]
    [InlineData("volume", HttpStatusCode.MultipleChoices)]
    [InlineData("volume/v3/", HttpStatusCode.OK)]
    public async Task Versions_WithoutToken_MatchCindersDocument(string path, HttpStatusCode status)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync(path, token: null);

        Assert.Equal(status, response.StatusCode);
        var body = await OpenStackClient.JsonAsync(response);
        JsonShape.AssertSame(Fixtures.Load("cinder/versions.json"), body);
        Assert.Equal($"{client.Base}/volume/v3/", body.GetProperty("versions")[0].GetProperty("links")[1].GetProperty("href").GetString());
    }

    [Fact]
    public async Task ListDetailAsync_WithoutToken_Returns401()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("volume/v3/any/volumes/detail", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<(string Token, string Project)> AdminAsync(OpenStackClient client) =>
        (await client.IssueTokenAsync(), await client.ProjectIdAsync("admin", "secret", "admin"));

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
