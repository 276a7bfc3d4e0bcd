using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Faults;

public sealed class FaultMiddlewareTests
{
    private const string Detail = "compute/v2.1/servers/detail";

    [Fact]
    public async Task InvokeAsync_StatusFault_ReturnsNovasComputeFault()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("status", Service: "compute", PathContains: "/servers/detail"));

        using var response = await client.GetAsync(Detail, token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var expected = Fixtures.Load("nova/error.computeFault-500.json");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task InvokeAsync_StatusFaultWithBody_ReturnsThatBody()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("status", Status: 409, Body: """{"conflictingRequest": {"code": 409, "message": "busy"}}"""));

        using var response = await client.GetAsync(Detail, token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("busy", (await OpenStackClient.JsonAsync(response)).GetProperty("conflictingRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task InvokeAsync_SkipAndTimes_FailOnlyTheChosenRequests()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 3 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("status", QueryContains: "marker=", Skip: 1, Times: 1));

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { Detail + "?limit=1", Detail + "?limit=1&marker=" + await FirstIdAsync(sut), Detail + "?limit=1&marker=" + await FirstIdAsync(sut), Detail + "?marker=" + await FirstIdAsync(sut) })
        {
            using var response = await client.GetAsync(path, token);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task InvokeAsync_RetryAfter503_SetsRetryAfterHeader()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("retry_after", Service: "compute", RetryAfterSeconds: 7));

        using var response = await client.GetAsync(Detail, token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("7", OpenStackClient.Header(response, "Retry-After"));
        Assert.True((await OpenStackClient.JsonAsync(response)).TryGetProperty("serviceUnavailable", out _));
    }

    [Fact]
    public async Task InvokeAsync_RetryAfter429_PutsRetryAfterInTheOverLimitBody()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("retry_after", Status: 429, RetryAfterSeconds: 3));

        using var response = await client.GetAsync(Detail, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("3", OpenStackClient.Header(response, "Retry-After"));
        Assert.Equal("3", (await OpenStackClient.JsonAsync(response)).GetProperty("overLimit").GetProperty("retryAfter").GetString());
    }

    [Fact]
    public async Task InvokeAsync_LongDelay_HoldsTheResponseBack()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("delay_ms", DelayMs: 60_000));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var request = new HttpRequestMessage(HttpMethod.Get, Detail);
        request.Headers.Add("X-Auth-Token", token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(request, timeout.Token));
    }

    [Fact]
    public async Task InvokeAsync_ShortDelay_ThenAnswersNormally()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("delay_ms", DelayMs: 20));

        using var response = await client.GetAsync(Detail, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await OpenStackClient.JsonAsync(response)).TryGetProperty("servers", out _));
    }

    [Fact]
    public async Task InvokeAsync_MalformedJson_SendsTruncatedBodyWithMatchingLength()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 2 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("malformed_json", PathContains: "/servers/detail"));

        using var response = await client.GetAsync(Detail, token);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body).Dispose());
    }

    [Fact]
    public async Task InvokeAsync_Html_Returns502ProxyPage()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("html"));

        using var response = await client.GetAsync(Detail, token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", OpenStackClient.ContentType(response)!.MediaType);
        Assert.StartsWith("<!DOCTYPE HTML", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Reset_DropsTheConnection()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("reset"));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(Detail, token));
    }

    [Fact]
    public async Task InvokeAsync_IdentityFault_UsesKeystonesErrorFormat()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        await sut.Control.InjectFaultAsync(new FaultRule("status", Service: "identity", Status: 503));

        using var response = await client.PostTokenAsync(OpenStackClient.PasswordBody("admin", "secret", "admin"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = (await OpenStackClient.JsonAsync(response)).GetProperty("error");
        Assert.Equal("Service Unavailable", error.GetProperty("title").GetString());
    }

    [Fact]
    public async Task InvokeAsync_UnlimitedTimesThenCleared_FailsUntilCleared()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        await sut.Control.InjectFaultAsync(new FaultRule("status", Service: "compute", Times: null));

        using var first = await client.GetAsync(Detail, token);
        using var second = await client.GetAsync(Detail, token);
        var controlStillWorks = await sut.Control.GetServersAsync();
        await sut.Control.ClearFaultsAsync();
        using var third = await client.GetAsync(Detail, token);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Empty(controlStillWorks);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task InjectFaultAsync_UnknownKind_IsRejected()
    {
        await using var sut = await CreateSutAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.InjectFaultAsync(new FaultRule("explode")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    private static async Task<string> FirstIdAsync(SimulatorServer sut) =>
        (await sut.Control.GetServersAsync())[0].GetProperty("id").GetString()!;

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
