using System.Net;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Faults;

/// <summary>Injected faults on cinder, heat and glance answer in that service's own error format.</summary>
public sealed class ServiceErrorBodiesTests
{
    [Fact]
    public async Task WriteAsync_VolumeFault_UsesCindersFaultWithPlainJsonContentType()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        await sut.Control.InjectFaultAsync(new FaultRule("status", Service: "volume", PathContains: "/volumes/detail"));

        using var response = await client.GetAsync($"volume/v3/{project}/volumes/detail", token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", OpenStackClient.ContentType(response)!.ToString());
        Assert.Equal(500, (await OpenStackClient.JsonAsync(response)).GetProperty("computeFault").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task WriteAsync_OrchestrationRetryAfter_UsesHeatsFaultWrapperBody()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        await sut.Control.InjectFaultAsync(new FaultRule("retry_after", Service: "orchestration", RetryAfterSeconds: 7));

        using var response = await client.GetAsync($"orchestration/v1/{project}/stacks", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("7", OpenStackClient.Header(response, "Retry-After"));
        var body = await OpenStackClient.JsonAsync(response);
        JsonShape.AssertSame(Fixtures.Load("heat/error.stack-not-found-404.json"), body);
        Assert.Equal("HTTPServiceUnavailable", body.GetProperty("error").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("volume", "volume/v3/{0}/volumes/detail")]
    [InlineData("orchestration", "orchestration/v1/{0}/stacks")]
    [InlineData("compute", "compute/v2.1/os-hypervisors/detail")]
    [InlineData("image", "image/v2/images")]
    public async Task InvokeAsync_ResetOnEachService_DropsTheConnection(string service, string path)
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        await sut.Control.InjectFaultAsync(new FaultRule("reset", Service: service));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, project), token));
    }

    [Fact]
    public async Task InvokeAsync_MalformedJsonOnVolumes_CutsTheRealBodyInHalf()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedVolumes = 3 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        using var whole = await client.GetAsync($"volume/v3/{project}/volumes/detail", token);
        var length = (await whole.Content.ReadAsByteArrayAsync()).Length;
        await sut.Control.InjectFaultAsync(new FaultRule("malformed_json", Service: "volume"));

        using var response = await client.GetAsync($"volume/v3/{project}/volumes/detail", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(length / 2, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    private static async Task<(string Token, string Project)> AdminAsync(OpenStackClient client) =>
        (await client.IssueTokenAsync(), await client.ProjectIdAsync("admin", "secret", "admin"));
}
