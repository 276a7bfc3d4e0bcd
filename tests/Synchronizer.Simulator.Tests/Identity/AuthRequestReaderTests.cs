using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Identity;

/// <summary>Application-credential authentication (fixtures keystone/api_samples/admin/auth-application-credential-*).</summary>
public sealed class AuthRequestReaderTests
{
    private const string CredentialId = "423f19a4ac1e4f48bbb4180756e6eb6c";
    private const string Secret = "rEaqvJka48mpv";

    [Fact]
    public async Task Read_ApplicationCredentialById_Issues201TokenScopedToItsOwnersProject()
    {
        await using var sut = await CreateSutAsync(new SimulatorApplicationCredential(CredentialId, Secret, "demo", "monitoring"));
        using var client = new OpenStackClient(sut);

        using var response = await client.PostTokenAsync(ById(CredentialId, Secret));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await OpenStackClient.JsonAsync(response)).GetProperty("token");
        JsonShape.AssertSame(Fixtures.Load("keystone/auth-tokens.application-credential.json"), (await OpenStackClient.JsonAsync(response)));
        Assert.Equal(["application_credential"], token.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("monitoring", token.GetProperty("application_credential").GetProperty("name").GetString());
        Assert.Equal("demo", token.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal("demo", token.GetProperty("user").GetProperty("name").GetString());
        Assert.Contains(token.GetProperty("catalog").EnumerateArray(), s => s.GetProperty("type").GetString() == "compute");
    }

    [Fact]
    public async Task Read_ApplicationCredentialToken_WorksOnTheServices()
    {
        await using var sut = await CreateSutAsync(new SimulatorApplicationCredential(CredentialId, Secret));
        using var client = new OpenStackClient(sut);
        await sut.Control.SeedServersAsync(3);

        using var issued = await client.PostTokenAsync(ById(CredentialId, Secret));
        var token = issued.Headers.GetValues("X-Subject-Token").Single();

        var body = await client.GetJsonAsync("compute/v2.1/servers/detail?all_tenants=1", token);
        Assert.Equal(3, body.GetProperty("servers").GetArrayLength());
    }

    [Fact]
    public async Task Read_ApplicationCredentialByNameAndUser_IssuesToken()
    {
        await using var sut = await CreateSutAsync(new SimulatorApplicationCredential(CredentialId, Secret, Name: "ci"));
        using var client = new OpenStackClient(sut);
        var body = JsonSerializer.Serialize(new
        {
            auth = new
            {
                identity = new
                {
                    methods = new[] { "application_credential" },
                    application_credential = new { name = "ci", secret = Secret, user = new { name = "admin", domain = new { name = "Default" } } },
                },
            },
        });

        using var response = await client.PostTokenAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(CredentialId, "wrong")]
    [InlineData("0000000000000000000000000000000", Secret)]
    public async Task Read_BadIdOrSecret_Returns401(string id, string secret)
    {
        await using var sut = await CreateSutAsync(new SimulatorApplicationCredential(CredentialId, Secret));
        using var client = new OpenStackClient(sut);

        using var response = await client.PostTokenAsync(ById(id, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var expected = Fixtures.Load("keystone/error.unauthorized-401.json");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task Read_ApplicationCredentialWithScope_Returns401()
    {
        await using var sut = await CreateSutAsync(new SimulatorApplicationCredential(CredentialId, Secret));
        using var client = new OpenStackClient(sut);
        var body = JsonSerializer.Serialize(new
        {
            auth = new
            {
                identity = new { methods = new[] { "application_credential" }, application_credential = new { id = CredentialId, secret = Secret } },
                scope = new { project = new { name = "admin", domain = new { name = "Default" } } },
            },
        });

        using var response = await client.PostTokenAsync(body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_CredentialOfUnknownUser_Throws()
    {
        var options = new SimulatorOptions { ApplicationCredentials = [new SimulatorApplicationCredential(CredentialId, Secret, "mallory")] };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => SimulatorServer.StartAsync(options));
    }

    private static string ById(string id, string secret) =>
        JsonSerializer.Serialize(new { auth = new { identity = new { methods = new[] { "application_credential" }, application_credential = new { id, secret } } } });

    private static Task<SimulatorServer> CreateSutAsync(SimulatorApplicationCredential credential) =>
        SimulatorServer.StartAsync(new SimulatorOptions { ApplicationCredentials = [credential] });
}
