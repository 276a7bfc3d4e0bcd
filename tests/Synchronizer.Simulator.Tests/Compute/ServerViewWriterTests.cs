using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Compute;

/// <summary>Server bodies per microversion against nova's own samples: same keys, same value kinds.</summary>
public sealed class ServerViewWriterTests
{
    // Maps whose keys are data, not schema.
    private static readonly string[] Opaque = ["metadata", "extra_specs", "properties", "scheduler_hints"];

    // What nova's default policy shows to admins only (extended server attributes, host_status).
    private static readonly string[] AdminOnly =
    [
        "OS-EXT-SRV-ATTR:host", "OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-SRV-ATTR:instance_name",
        "OS-EXT-SRV-ATTR:reservation_id", "OS-EXT-SRV-ATTR:launch_index", "OS-EXT-SRV-ATTR:kernel_id",
        "OS-EXT-SRV-ATTR:ramdisk_id", "OS-EXT-SRV-ATTR:root_device_name", "OS-EXT-SRV-ATTR:user_data", "host_status",
    ];

    public static TheoryData<string, string, bool> Samples => new()
    {
        // The v2.1 and v2.47 samples were recorded as admin, the newer ones as a project member.
        { "2.1", "nova/servers-detail.v2.1.json", true },
        { "2.1", "nova/server-show.v2.1.json", true },
        { "2.47", "nova/servers-detail.v2.47.json", true },
        { "2.96", "nova/servers-detail.v2.96.json", false },
        { "2.96", "nova/server-show.v2.96.json", false },
        { "2.98", "nova/servers-detail.v2.98.json", false },
        { "2.98", "nova/server-show.v2.98.json", false },
        { "2.100", "nova/servers-detail.v2.100.json", false },
        { "2.100", "nova/server-show.v2.100.json", false },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Write_AtMicroversion_MatchesNovaSampleShape(string microversion, string fixture, bool asAdmin)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, id) = await CreateServerAsync(sut, client, asAdmin);

        var path = fixture.Contains("server-show", StringComparison.Ordinal) ? $"compute/v2.1/servers/{id}" : "compute/v2.1/servers/detail";
        using var response = await client.GetAsync(path, token, microversion);

        var expected = Fixtures.Server(fixture);
        JsonShape.AssertSame(expected, Server(await OpenStackClient.JsonAsync(response)), Opaque);
    }

    [Theory]
    [InlineData("2.96")]
    [InlineData("2.100")]
    public async Task Write_AsAdminAtNewMicroversion_AddsTheAdminOnlyFields(string microversion)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, _) = await CreateServerAsync(sut, client, asAdmin: true);

        using var response = await client.GetAsync("compute/v2.1/servers/detail", token, microversion);

        var expected = JsonShape.Keys(Fixtures.Server($"nova/servers-detail.v{microversion}.json")).Union(AdminOnly).Order(StringComparer.Ordinal);
        Assert.Equal(expected, JsonShape.Keys(Server(await OpenStackClient.JsonAsync(response))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Write_ShutoffServer_HasNoProgressAndStoppedStates()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var id = await sut.Control.CreateServerAsync();
        await sut.Control.UpdateServerAsync(id, status: "SHUTOFF");

        using var response = await client.GetAsync($"compute/v2.1/servers/{id}", await client.IssueTokenAsync());
        var server = Server(await OpenStackClient.JsonAsync(response));

        // Nova reports progress only for ACTIVE, BUILD, REBUILD, RESIZE, VERIFY_RESIZE and MIGRATING.
        Assert.False(server.TryGetProperty("progress", out _));
        Assert.Equal("SHUTOFF", server.GetProperty("status").GetString());
        Assert.Equal("stopped", server.GetProperty("OS-EXT-STS:vm_state").GetString());
        Assert.Equal(4, server.GetProperty("OS-EXT-STS:power_state").GetInt32());
    }

    [Fact]
    public async Task Write_ErrorServer_ShowsFaultWithDetailsToAdminOnly()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var demoProject = await client.ProjectIdAsync("demo", "demo", "demo");
        var id = await sut.Control.CreateServerAsync(projectId: demoProject);
        await sut.Control.UpdateServerAsync(id, status: "ERROR");

        using var asAdmin = await client.GetAsync($"compute/v2.1/servers/{id}", await client.IssueTokenAsync());
        using var asMember = await client.GetAsync($"compute/v2.1/servers/{id}", await client.IssueTokenAsync("demo", "demo", "demo"));

        var adminFault = Server(await OpenStackClient.JsonAsync(asAdmin)).GetProperty("fault");
        var memberFault = Server(await OpenStackClient.JsonAsync(asMember)).GetProperty("fault");
        Assert.Equal(["code", "created", "details", "message"], JsonShape.Keys(adminFault).Order());
        Assert.Equal(["code", "created", "message"], JsonShape.Keys(memberFault).Order());
        Assert.Equal(500, memberFault.GetProperty("code").GetInt32());
    }

    private static async Task<(string Token, string Id)> CreateServerAsync(SimulatorServer sut, OpenStackClient client, bool asAdmin)
    {
        var (user, password, project) = asAdmin ? ("admin", "secret", "admin") : ("demo", "demo", "demo");
        var projectId = await client.ProjectIdAsync(user, password, project);
        var id = await sut.Control.CreateServerAsync("new-server-test", projectId);
        return (await client.IssueTokenAsync(user, password, project), id);
    }

    private static System.Text.Json.JsonElement Server(System.Text.Json.JsonElement body) =>
        body.TryGetProperty("server", out var server) ? server : body.GetProperty("servers")[0];

    private static Task<SimulatorServer> CreateSutAsync() => SimulatorServer.StartAsync(new SimulatorOptions());
}
