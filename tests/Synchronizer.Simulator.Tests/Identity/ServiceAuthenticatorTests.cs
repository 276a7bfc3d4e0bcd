using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Identity;

public sealed class ServiceAuthenticatorTests
{
    private const string ServicesDetail = "compute/v2.1/servers/detail";

    [Fact]
    public async Task Authenticate_ValidToken_LetsNovaAnswer()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync(ServicesDetail, await client.IssueTokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authenticate_MissingToken_Returns401LikeKeystonemiddleware()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync(ServicesDetail, token: null);

        await AssertRejectedAsync(client, response);
    }

    [Fact]
    public async Task Authenticate_UnknownToken_Returns401()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync(ServicesDetail, "gAAAAABnot-a-token");

        await AssertRejectedAsync(client, response);
    }

    [Fact]
    public async Task Authenticate_RevokedToken_Returns401()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();

        await sut.Control.RevokeTokensAsync();
        using var response = await client.GetAsync(ServicesDetail, token);

        await AssertRejectedAsync(client, response);
    }

    [Fact]
    public async Task Authenticate_ExpiredToken_Returns401()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var sut = await CreateSutAsync(new SimulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromMinutes(1) });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        using (var fresh = await client.GetAsync(ServicesDetail, token))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(61));
        using var response = await client.GetAsync(ServicesDetail, token);

        await AssertRejectedAsync(client, response);
    }

    [Fact]
    public async Task Authenticate_UnknownComputePathWithoutToken_Returns401BeforeTheRouteIsLookedAt()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/no-such-thing", token: null);

        await AssertRejectedAsync(client, response);
    }

    private static async Task AssertRejectedAsync(OpenStackClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Keystone uri=\"{client.Base}/identity\"", OpenStackClient.Header(response, "WWW-Authenticate"));
        var expected = """{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}""";
        Assert.Equal(expected, JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
