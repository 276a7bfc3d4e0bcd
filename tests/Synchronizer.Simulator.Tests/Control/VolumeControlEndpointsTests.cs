using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Control;

public sealed class VolumeControlEndpointsTests
{
    [Fact]
    public async Task UpdateVolumeAsync_NameStatusSize_AreReflectedWithNewUpdatedAt()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { TimeProvider = clock });
        var id = await sut.Control.CreateVolumeAsync("v1", size: 1);

        clock.Advance(TimeSpan.FromMinutes(2));
        await sut.Control.UpdateVolumeAsync(id, name: "v1-renamed", status: "in-use", size: 2);
        await sut.Control.SetVolumeMetadataAsync(id, new Dictionary<string, string> { ["tier"] = "gold" });

        var volume = Assert.Single(await sut.Control.GetVolumesAsync());
        Assert.Equal("v1-renamed", volume.GetProperty("name").GetString());
        Assert.Equal("in-use", volume.GetProperty("status").GetString());
        Assert.Equal(2, volume.GetProperty("size").GetInt32());
        Assert.Equal("""{"tier":"gold"}""", JsonSerializer.Serialize(volume.GetProperty("metadata")));
        Assert.Equal("2026-11-22T10:00:00.000000", volume.GetProperty("created_at").GetString());
        Assert.Equal("2026-11-22T10:02:00.000000", volume.GetProperty("updated_at").GetString());
    }

    [Theory]
    [InlineData("melting", null)]
    [InlineData(null, 0)]
    public async Task UpdateVolumeAsync_BadStatusOrSize_Returns400(string? status, int? size)
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        var id = await sut.Control.CreateVolumeAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.UpdateVolumeAsync(id, status: status, size: size));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task DeleteVolumeAsync_ExistingVolume_LeavesListingAndGroundTruth()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedVolumes = 3 });
        using var client = new OpenStackClient(sut);
        var id = (await sut.Control.GetVolumesAsync())[0].GetProperty("id").GetString()!;

        await sut.Control.DeleteVolumeAsync(id);

        var project = await client.ProjectIdAsync("admin", "secret", "admin");
        var listed = await client.GetJsonAsync($"volume/v3/{project}/volumes/detail?all_tenants=1", await client.IssueTokenAsync());
        Assert.DoesNotContain(id, listed.GetProperty("volumes").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        Assert.Equal(2, (await sut.Control.GetVolumesAsync()).Count);
        var again = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.DeleteVolumeAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task GetVolumesAsync_GroundTruth_EqualsCinderAdminListing()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedVolumes = 6, SeedProjects = 2 });
        using var client = new OpenStackClient(sut);
        var project = await client.ProjectIdAsync("admin", "secret", "admin");

        var truth = await sut.Control.GetVolumesAsync("3.69");
        var listed = await client.GetJsonAsync($"volume/v3/{project}/volumes/detail?all_tenants=1", await client.IssueTokenAsync(), ("OpenStack-API-Version", "volume 3.69"));

        Assert.Equal(listed.GetProperty("volumes").EnumerateArray().Select(v => v.ToString()), truth.Select(v => v.ToString()));
    }

    [Fact]
    public async Task SeedVolumesAsync_SeveralProjects_SpreadsVolumesOverThem()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());

        await sut.Control.SeedVolumesAsync(12, projects: 3);

        var volumes = await sut.Control.GetVolumesAsync();
        Assert.Equal(12, volumes.Count);
        Assert.All(volumes.GroupBy(v => v.GetProperty("os-vol-tenant-attr:tenant_id").GetString()), g => Assert.Equal(4, g.Count()));
    }
}
