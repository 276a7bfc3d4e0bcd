using System.Net;
using System.Text.Json;
using NSubstitute;
using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Tests.AdminApi;

public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly ListPoller _instances = new("nova.instance");
    private readonly ListPoller _volumes = new("cinder.volume");
    private readonly IBusConnectionProbe _bus = Substitute.For<IBusConnectionProbe>();
    private AdminApiServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        _instances.Entities.Add(("i-1", """{"id":"i-1","status":"ACTIVE"}"""));
        _instances.Entities.Add(("i-2", """{"id":"i-2","status":"SHUTOFF"}"""));
        _bus.IsConnected.Returns(true);
        _server = await AdminApiServer.StartAsync([_instances, _volumes], _bus);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Start_PortZero_ListensOnLoopbackAtThePortChosen()
    {
        var address = _server.Hosted.Address!;

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
    }

    [Fact]
    public async Task Healthz_NoTokenConfigured_AnswersOk()
    {
        using var response = await Client.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Types_BeforeAnyPoll_ListsEveryEnabledTypeNeverPolled()
    {
        using var json = await GetJsonAsync("v1/types", HttpStatusCode.OK);

        var types = json.RootElement.GetProperty("types").EnumerateArray().ToArray();
        Assert.Equal(["cinder.volume", "nova.instance"], types.Select(t => t.GetProperty("entity_type").GetString()));
        var first = types[0];
        Assert.Equal(
            ["entity_type", "revision", "count", "last_poll_at", "last_poll_status", "last_error"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, first.GetProperty("revision").GetInt64());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("last_poll_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("last_poll_status").ValueKind);
    }

    [Fact]
    public async Task Sync_KnownType_PollsAndAnswersTheSyncResultShape()
    {
        using var json = await PostJsonAsync("v1/sync/nova.instance", HttpStatusCode.OK);

        var result = json.RootElement.GetProperty("results").EnumerateArray().Single();
        Assert.Equal(
            ["entity_type", "status", "error", "revision", "created", "updated", "deleted", "duration_ms"],
            result.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nova.instance", result.GetProperty("entity_type").GetString());
        Assert.Equal("ok", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.Equal(2, result.GetProperty("revision").GetInt64());
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("deleted").GetInt32());
    }

    [Fact]
    public async Task Types_AfterASync_ShowsRevisionCountAndStatus()
    {
        (await PostAsync("v1/sync/nova.instance")).Dispose();

        using var json = await GetJsonAsync("v1/types", HttpStatusCode.OK);

        var instances = json.RootElement.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("entity_type").GetString() == "nova.instance");
        Assert.Equal(2, instances.GetProperty("revision").GetInt64());
        Assert.Equal(2, instances.GetProperty("count").GetInt32());
        Assert.Equal("ok", instances.GetProperty("last_poll_status").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", instances.GetProperty("last_poll_at").GetString());
    }

    [Fact]
    public async Task Sync_WaitFalse_AnswersQueuedAtOnce()
    {
        using var json = await PostJsonAsync("v1/sync/nova.instance?wait=false", HttpStatusCode.Accepted);

        var result = json.RootElement.GetProperty("results").EnumerateArray().Single();
        Assert.Equal("queued", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("duration_ms").ValueKind);
    }

    [Fact]
    public async Task Sync_UnknownType_Answers404JsonError()
    {
        using var json = await PostJsonAsync("v1/sync/nova.nothing", HttpStatusCode.NotFound);

        var error = json.RootElement.GetProperty("error");
        Assert.Equal("UnknownEntityType", error.GetProperty("code").GetString());
        Assert.Contains("nova.nothing", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_BadWait_Answers400InvalidArgument()
    {
        using var json = await PostJsonAsync("v1/sync/nova.instance?wait=maybe", HttpStatusCode.BadRequest);

        Assert.Equal("InvalidArgument", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sync_PollFails_Answers502SyncFailedWithTheResult()
    {
        _instances.Failure = "compute answered 503";

        using var json = await PostJsonAsync("v1/sync/nova.instance", HttpStatusCode.BadGateway);

        var error = json.RootElement.GetProperty("error");
        Assert.Equal("SyncFailed", error.GetProperty("code").GetString());
        Assert.Contains("compute answered 503", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var result = json.RootElement.GetProperty("results").EnumerateArray().Single();
        Assert.Equal("failed", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownPath_Answers404JsonError()
    {
        using var json = await GetJsonAsync("v2/nothing", HttpStatusCode.NotFound);

        Assert.Equal("NotFound", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongMethod_Answers405JsonError()
    {
        using var json = await GetJsonAsync("v1/sync/nova.instance", HttpStatusCode.MethodNotAllowed);

        Assert.Equal("MethodNotAllowed", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task HandlerThrows_Answers500JsonErrorWithoutStackTrace()
    {
        _bus.IsConnected.Returns(_ => throw new InvalidOperationException("secret internals at Synchronizer.Somewhere"));

        using var response = await Client.GetAsync(new Uri("readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("InternalError", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("secret internals", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterASync_ServesTheTextFormatWithTheContractMetrics()
    {
        (await PostAsync("v1/sync/nova.instance")).Dispose();

        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("synchronizer_entities{entity_type=\"nova.instance\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_revision{entity_type=\"nova.instance\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_polls_total{entity_type=\"nova.instance\",result=\"ok\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_polls_total{entity_type=\"cinder.volume\",result=\"failed\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_poll_duration_seconds_count{entity_type=\"nova.instance\",result=\"ok\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("synchronizer_notifications_published_total{entity_type=\"nova.instance\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE synchronizer_rpc_calls_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE synchronizer_push_lag_seconds histogram\n", text, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string path) => await Client.PostAsync(new Uri(path, UriKind.Relative), null);

    private async Task<JsonDocument> PostJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await PostAsync(path);
        return await ReadJsonAsync(response, expected);
    }

    private async Task<JsonDocument> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadJsonAsync(response, expected);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }
}
