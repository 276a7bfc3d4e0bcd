using System.Net;
using System.Text.Json;
using NSubstitute;
using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Tests.AdminApi;

/// <summary><c>/readyz</c> over HTTP: bus connected and every enabled type polled successfully once.</summary>
public sealed class ReadinessTests
{
    private readonly ListPoller _instances = new("nova.instance");
    private readonly ListPoller _hosts = new("nova.host");
    private readonly IBusConnectionProbe _bus = Substitute.For<IBusConnectionProbe>();

    [Fact]
    public async Task Readyz_BusDownAndNothingPolled_Answers503WithEveryReason()
    {
        await using var server = await StartAsync();

        var (status, json) = await ReadyzAsync(server);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("NotReady", json.GetProperty("error").GetProperty("code").GetString());
        var reasons = json.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.Equal(3, reasons.Length);
        Assert.Contains("message bus", reasons[0], StringComparison.Ordinal);
        Assert.Contains(reasons, r => r.StartsWith("nova.instance has not been polled yet", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("nova.host has not been polled yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readyz_BusUpOneTypePolled_Answers503NamingTheOther()
    {
        _bus.IsConnected.Returns(true);
        await using var server = await StartAsync();
        await SyncAsync(server, "nova.instance");

        var (status, json) = await ReadyzAsync(server);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["nova.host has not been polled yet."], json.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Readyz_OnlyFailedPolls_NamesTheLastError()
    {
        _bus.IsConnected.Returns(true);
        _hosts.Failure = "placement answered 500";
        await using var server = await StartAsync();
        await SyncAsync(server, "nova.instance");
        await SyncAsync(server, "nova.host");

        var (status, json) = await ReadyzAsync(server);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("placement answered 500", json.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_BusUpEveryTypePolled_Answers200()
    {
        _bus.IsConnected.Returns(true);
        await using var server = await StartAsync();
        await SyncAsync(server, "nova.instance");
        await SyncAsync(server, "nova.host");

        var (status, json) = await ReadyzAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_PolledOnceThenFailing_StaysReady()
    {
        _bus.IsConnected.Returns(true);
        await using var server = await StartAsync(disableHosts: true);
        await SyncAsync(server, "nova.instance");
        _instances.Failure = "compute answered 503";
        await SyncAsync(server, "nova.instance");

        var (status, _) = await ReadyzAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Readyz_DisabledTypeNeverPolled_IsIgnored()
    {
        _bus.IsConnected.Returns(true);
        await using var server = await StartAsync(disableHosts: true);
        await SyncAsync(server, "nova.instance");

        var (status, _) = await ReadyzAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> ReadyzAsync(AdminApiServer server)
    {
        using var response = await server.Client.GetAsync(new Uri("readyz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static async Task SyncAsync(AdminApiServer server, string entityType)
    {
        using var response = await server.Client.PostAsync(new Uri($"v1/sync/{entityType}", UriKind.Relative), null);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadGateway, $"sync answered {(int)response.StatusCode}");
    }

    private Task<AdminApiServer> StartAsync(bool disableHosts = false) =>
        AdminApiServer.StartAsync(
            [_instances, _hosts],
            _bus,
            disableHosts ? new Dictionary<string, string?> { ["nova.host:enabled"] = "false" } : null);
}
