using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.BlockStorage;

/// <summary>Volume bodies per microversion against cinder's samples (recorded as admin): same keys, same value kinds.</summary>
public sealed class VolumeViewWriterTests
{
    private static readonly string[] AdminOnly =
    [
        "migration_status", "os-vol-host-attr:host", "os-vol-mig-status-attr:migstat", "os-vol-mig-status-attr:name_id", "provider_id", "cluster_name",
    ];

    public static TheoryData<string, string> Samples => new()
    {
        { "3.0", "cinder/volumes-detail.v3.0.json" },
        { "3.0", "cinder/volume-show.v3.0.json" },
        { "3.69", "cinder/volumes-detail.v3.69.json" },
        { "3.69", "cinder/volume-show.v3.69.json" },
        { "3.71", "cinder/volume-show.v3.69.json" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Write_AtMicroversion_MatchesCinderSampleShape(string microversion, string fixture)
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);
        var project = await client.ProjectIdAsync("admin", "secret", "admin");
        var id = await NonBootableVolumeAsync(sut);

        var path = fixture.Contains("volume-show", StringComparison.Ordinal) ? $"volume/v3/{project}/volumes/{id}" : $"volume/v3/{project}/volumes/detail";
        var body = await client.GetJsonAsync(path, await client.IssueTokenAsync(), ("OpenStack-API-Version", "volume " + microversion));

        JsonShape.AssertSame(Volume(Fixtures.Load(fixture)), Volume(body), "metadata");
    }

    [Fact]
    public async Task Write_AsProjectMember_LeavesOutTheAdminOnlyFields()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);
        var project = await client.ProjectIdAsync("demo", "demo", "demo");
        var id = await sut.Control.CreateVolumeAsync("mine", project);

        var body = await client.GetJsonAsync($"volume/v3/{project}/volumes/{id}", await client.IssueTokenAsync("demo", "demo", "demo"), ("OpenStack-API-Version", "volume 3.69"));

        var expected = JsonShape.Keys(Volume(Fixtures.Load("cinder/volume-show.v3.69.json"))).Except(AdminOnly).Order(StringComparer.Ordinal);
        var keys = JsonShape.Keys(Volume(body)).Except(["volume_image_metadata"]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, keys);
    }

    [Fact]
    public async Task Write_BootableVolume_AddsImageMetadata()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedVolumes = 40, RandomSeed = 3 });

        var volumes = await sut.Control.GetVolumesAsync();

        var bootable = volumes.Where(v => v.GetProperty("bootable").GetString() == "true").ToList();
        Assert.NotEmpty(bootable);
        Assert.All(bootable, v => Assert.Equal("cirros-0.6.2-x86_64-disk", v.GetProperty("volume_image_metadata").GetProperty("image_name").GetString()));
        Assert.All(volumes.Except(bootable), v => Assert.False(v.TryGetProperty("volume_image_metadata", out _)));
    }

    // The samples are of a volume made from nothing; a bootable one also carries volume_image_metadata.
    private static async Task<string> NonBootableVolumeAsync(SimulatorServer sut)
    {
        while (true)
        {
            var id = await sut.Control.CreateVolumeAsync();
            var volume = (await sut.Control.GetVolumesAsync()).Single(v => v.GetProperty("id").GetString() == id);
            if (volume.GetProperty("bootable").GetString() == "false")
            {
                return id;
            }

            await sut.Control.DeleteVolumeAsync(id);
        }
    }

    private static System.Text.Json.JsonElement Volume(System.Text.Json.JsonElement body) =>
        body.TryGetProperty("volume", out var volume) ? volume : body.GetProperty("volumes")[0];
}
