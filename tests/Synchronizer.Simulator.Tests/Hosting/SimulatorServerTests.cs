using System.Net;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Tests.Hosting;

public sealed class SimulatorServerTests
{
    [Fact]
    public async Task StartAsync_PortZero_ListensOnAFreeLoopbackPort()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());

        Assert.Equal("127.0.0.1", sut.BaseAddress.Host);
        Assert.NotEqual(0, sut.BaseAddress.Port);
        Assert.Equal("/", sut.BaseAddress.AbsolutePath);
        Assert.Equal(new Uri(sut.BaseAddress, "identity/v3"), sut.IdentityUrl);
    }

    [Fact]
    public async Task StartAsync_TwoServers_AreIndependent()
    {
        await using var first = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 2 });
        await using var second = await SimulatorServer.StartAsync(new SimulatorOptions());

        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
        Assert.Equal(2, (await first.Control.GetServersAsync()).Count);
        Assert.Empty(await second.Control.GetServersAsync());
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_StopsListening()
    {
        var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        var address = sut.BaseAddress;

        await sut.DisposeAsync();

        using var http = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("identity/v3", UriKind.Relative)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1000, 0)]
    public async Task StartAsync_InvalidOptions_Throws(int maxLimit, int seedProjects)
    {
        var options = new SimulatorOptions { MaxLimit = maxLimit, SeedProjects = seedProjects };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => SimulatorServer.StartAsync(options));
    }

    [Fact]
    public async Task Fallback_UnknownPath_Returns404()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var http = new HttpClient { BaseAddress = sut.BaseAddress };

        using var response = await http.GetAsync(new Uri("nowhere", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
