using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Identity;

public sealed class TokenEndpointsTests
{
    [Fact]
    public async Task IssueAsync_PasswordByName_Returns201WithSubjectTokenAndFixtureShape()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.PostTokenAsync(OpenStackClient.PasswordBody("admin", "secret", "admin"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(OpenStackClient.Header(response, "X-Subject-Token")));
        var expected = Fixtures.Load("keystone/auth-tokens.project-scoped.json");
        JsonShape.AssertSame(expected, await OpenStackClient.JsonAsync(response));
    }

    [Fact]
    public async Task IssueAsync_PasswordByName_CatalogPointsAtEachServicePath()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.PostTokenAsync(OpenStackClient.PasswordBody("admin", "secret", "admin"));
        var token = (await OpenStackClient.JsonAsync(response)).GetProperty("token");

        var project = token.GetProperty("project").GetProperty("id").GetString();
        var expected = new Dictionary<string, string>
        {
            ["identity"] = $"{client.Base}/identity",
            ["compute"] = $"{client.Base}/compute/v2.1",
            ["volumev3"] = $"{client.Base}/volume/v3/{project}",
            ["block-storage"] = $"{client.Base}/volume/v3/{project}",
            ["orchestration"] = $"{client.Base}/orchestration/v1/{project}",
            ["image"] = $"{client.Base}/image",
        };
        var catalog = token.GetProperty("catalog").EnumerateArray().ToList();
        Assert.Equal(expected.Keys.Order(), catalog.Select(s => s.GetProperty("type").GetString()!).Order());
        foreach (var service in catalog)
        {
            var endpoints = service.GetProperty("endpoints").EnumerateArray().ToList();
            Assert.Equal(["admin", "internal", "public"], endpoints.Select(e => e.GetProperty("interface").GetString()).Order());
            Assert.All(endpoints, e =>
            {
                Assert.Equal(expected[service.GetProperty("type").GetString()!], e.GetProperty("url").GetString());
                Assert.Equal("RegionOne", e.GetProperty("region").GetString());
                Assert.Equal("RegionOne", e.GetProperty("region_id").GetString());
            });
        }
    }

    [Fact]
    public async Task IssueAsync_UserIdAndProjectId_IssuesTokenForThatProject()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        using var byName = await client.PostTokenAsync(OpenStackClient.PasswordBody("admin", "secret", "admin"));
        var token = (await OpenStackClient.JsonAsync(byName)).GetProperty("token");
        var userId = token.GetProperty("user").GetProperty("id").GetString();
        var projectId = token.GetProperty("project").GetProperty("id").GetString();

        var body = JsonSerializer.Serialize(new
        {
            auth = new
            {
                identity = new { methods = new[] { "password" }, password = new { user = new { id = userId, password = "secret" } } },
                scope = new { project = new { id = projectId } },
            },
        });
        using var response = await client.PostTokenAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await OpenStackClient.JsonAsync(response)).GetProperty("token");
        Assert.Equal(projectId, issued.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal("admin", issued.GetProperty("user").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("admin", "wrong", "admin")]
    [InlineData("nobody", "secret", "admin")]
    [InlineData("admin", "secret", "no-such-project")]
    [InlineData("demo", "demo", "admin")]
    public async Task IssueAsync_BadCredentialsOrScope_Returns401LikeKeystone(string user, string password, string project)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.PostTokenAsync(OpenStackClient.PasswordBody(user, password, project));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Keystone uri=\"{client.Base}/identity/v3\"", OpenStackClient.Header(response, "WWW-Authenticate"));
        var expected = Fixtures.Load("keystone/error.unauthorized-401.json");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task IssueAsync_UserNameWithoutDomain_Returns400()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        const string Body = """{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "password": "secret"}}}}}""";

        using var response = await client.PostTokenAsync(Body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await OpenStackClient.JsonAsync(response)).GetProperty("error");
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.StartsWith("Expecting to find domain in user.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_ConfiguredCredentials_AreTheOnesAccepted()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { Username = "ops", Password = "pw", ProjectName = "infra" });
        using var client = new OpenStackClient(sut);

        using var good = await client.PostTokenAsync(OpenStackClient.PasswordBody("ops", "pw", "infra"));
        using var old = await client.PostTokenAsync(OpenStackClient.PasswordBody("admin", "secret", "admin"));

        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
    }

    [Fact]
    public async Task IssueAsync_TokenLifetime_SetsExpiresAt()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 10, 15, 30, 500, TimeSpan.Zero));
        await using var sut = await CreateSutAsync(new SimulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromMinutes(5) });
        using var client = new OpenStackClient(sut);

        using var response = await client.PostTokenAsync(OpenStackClient.PasswordBody("admin", "secret", "admin"));
        var token = (await OpenStackClient.JsonAsync(response)).GetProperty("token");

        Assert.Equal("2026-11-22T10:15:30.000000Z", token.GetProperty("issued_at").GetString());
        Assert.Equal("2026-11-22T10:20:30.000000Z", token.GetProperty("expires_at").GetString());
    }

    [Fact]
    public async Task ValidateAsync_ValidSubject_Returns200WithSubjectToken()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "identity/v3/auth/tokens");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(token, OpenStackClient.Header(response, "X-Subject-Token"));
        Assert.Equal("admin", (await OpenStackClient.JsonAsync(response)).GetProperty("token").GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ValidateAsync_RevokedSubject_Returns404LikeKeystone()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var caller = await client.IssueTokenAsync();
        var subject = await client.IssueTokenAsync();
        using (var revoke = new HttpRequestMessage(HttpMethod.Delete, "identity/v3/auth/tokens"))
        {
            revoke.Headers.Add("X-Auth-Token", caller);
            revoke.Headers.Add("X-Subject-Token", subject);
            using var revoked = await client.SendAsync(revoke);
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "identity/v3/auth/tokens");
        request.Headers.Add("X-Auth-Token", caller);
        request.Headers.Add("X-Subject-Token", subject);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await OpenStackClient.JsonAsync(response)).GetProperty("error");
        JsonShape.AssertSame(Fixtures.Load("keystone/error.token-not-found-404.json").GetProperty("error"), error);
        Assert.Equal($"Could not find token: {subject}.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task VersionDiscovery_IdentityRootAndV3_DescribeV3()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var root = await client.GetAsync("identity", token: null);
        using var v3 = await client.GetAsync("identity/v3", token: null);

        Assert.Equal(HttpStatusCode.MultipleChoices, root.StatusCode);
        var values = (await OpenStackClient.JsonAsync(root)).GetProperty("versions").GetProperty("values");
        Assert.Equal("v3.14", values[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, v3.StatusCode);
        var self = (await OpenStackClient.JsonAsync(v3)).GetProperty("version").GetProperty("links")[0].GetProperty("href").GetString();
        Assert.Equal($"{client.Base}/identity/v3/", self);
    }

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
