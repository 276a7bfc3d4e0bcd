using System.Net;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Compute;

public sealed class ComputeMicroversionsTests
{
    [Theory]
    [InlineData(null, null, "2.1")]
    [InlineData("2.47", null, "2.47")]
    [InlineData("latest", null, "2.100")]
    [InlineData(null, "2.60", "2.60")]
    public async Task Negotiate_RequestedVersion_IsEchoedInBothHeaders(string? microversion, string? legacy, string expected)
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/detail", await client.IssueTokenAsync(), microversion, legacy);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("compute " + expected, OpenStackClient.Header(response, "OpenStack-API-Version"));
        Assert.Equal(expected, OpenStackClient.Header(response, "X-OpenStack-Nova-API-Version"));
        Assert.Equal("OpenStack-API-Version, X-OpenStack-Nova-API-Version", OpenStackClient.Header(response, "Vary"));
    }

    [Fact]
    public async Task Negotiate_VersionAboveMaximum_Returns406WithoutVersionHeaders()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/detail", await client.IssueTokenAsync(), "2.101");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Null(OpenStackClient.Header(response, "OpenStack-API-Version"));
        var fault = (await OpenStackClient.JsonAsync(response)).GetProperty("computeFault");
        Assert.Equal("Version 2.101 is not supported by the API. Minimum is 2.1 and maximum is 2.100.", fault.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Negotiate_MalformedVersion_Returns400()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/detail", await client.IssueTokenAsync(), "2.01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await OpenStackClient.JsonAsync(response)).TryGetProperty("badRequest", out _));
    }

    [Fact]
    public async Task VersionDocument_WithoutToken_AdvertisesTheRange()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1", token: null);

        var version = (await OpenStackClient.JsonAsync(response)).GetProperty("version");
        JsonShape.AssertSame(Fixtures.Load("nova/version.v2.1.json").GetProperty("version"), version);
        Assert.Equal("2.100", version.GetProperty("version").GetString());
        Assert.Equal("2.1", version.GetProperty("min_version").GetString());
        Assert.Equal($"{client.Base}/compute/v2.1/", version.GetProperty("links")[0].GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("2.1", true)]
    [InlineData("2.100", true)]
    [InlineData("2.0", true)]
    [InlineData("2", false)]
    [InlineData("2.01", false)]
    [InlineData("02.1", false)]
    [InlineData("compute 2.1", false)]
    public void TryParse_Text_FollowsNovasFormat(string text, bool valid)
    {
        Assert.Equal(valid, ApiVersion.TryParse(text, out _));
    }

    [Fact]
    public void CompareTo_TwoDigitMinor_IsNewerThanOneDigitMinor()
    {
        Assert.True(new ApiVersion(2, 100) > new ApiVersion(2, 99));
        Assert.True(new ApiVersion(2, 9) < new ApiVersion(2, 10));
    }

    private static Task<SimulatorServer> CreateSutAsync() => SimulatorServer.StartAsync(new SimulatorOptions());
}
