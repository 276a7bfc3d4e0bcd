using System.Text.Json;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>The real Python oslo.messaging RPC client calls our RPC server (CONTRACT §4).</summary>
[Trait("Category", "Interop")]
[Collection(BrokerTests.Name)]
public sealed class OsloRpcServerInteropTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly FakeRpcDispatcher _dispatcher = new();
    private RpcServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await RpcServerHarness.StartAsync(_dispatcher);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Call_Echo_ReturnsResultWithArgumentsContextAndVersion()
    {
        var replies = await CallAsync(new
        {
            method = "echo",
            kwargs = new { entity_type = "nova.instance", limit = 2, marker = (string?)null, name = "sérveur" },
            context = new { user = "u1", request_id = "req-1" },
        });

        var result = Assert.Single(replies).GetProperty("result");
        Assert.Equal("nova.instance", result.GetProperty("args").GetProperty("entity_type").GetString());
        Assert.Equal(2, result.GetProperty("args").GetProperty("limit").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("args").GetProperty("marker").ValueKind);
        Assert.Equal("sérveur", result.GetProperty("args").GetProperty("name").GetString());
        Assert.Equal("req-1", result.GetProperty("context").GetProperty("request_id").GetString());
        Assert.Equal("1.0", result.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Call_ContractErrorsAndUnknownMethod_RaiseRemoteErrorWithTheClassName()
    {
        var replies = await CallAsync(
            new { method = "fail", kwargs = new { class_name = "RevisionGone", message = "nova.instance: revision 3 is gone; take a new snapshot." } },
            new { method = "fail", kwargs = new { class_name = "InvalidArgument", message = "get_all: argument 'limit' must be an integer from 1 to 5000, not 0." } },
            new { method = "no_such_method", kwargs = new { } },
            new { method = "crash", kwargs = new { } },
            new { method = "echo", kwargs = new { } });

        AssertRemoteError(replies[0], "RevisionGone", "nova.instance: revision 3 is gone; take a new snapshot.");
        AssertRemoteError(replies[1], "InvalidArgument", "get_all: argument 'limit' must be an integer from 1 to 5000, not 0.");
        AssertRemoteError(replies[2], "UnknownMethod", "The synchronizer has no RPC method 'no_such_method'.");
        Assert.Equal("InvalidOperationException", replies[3].GetProperty("error").GetProperty("exc_type").GetString());
        Assert.True(replies[4].TryGetProperty("result", out _), "the server keeps serving after failures");
    }

    [Theory]
    [InlineData("1.0", null)]
    [InlineData("1.7", null)]
    [InlineData("2.0", "UnsupportedVersion")]
    public async Task Call_Version_Served1xOnly(string version, string? expectedError)
    {
        var reply = Assert.Single(await CallAsync(new { method = "echo", version }));

        if (expectedError is null)
        {
            Assert.Equal(version, reply.GetProperty("result").GetProperty("version").GetString());
        }
        else
        {
            AssertRemoteError(reply, expectedError, $"Endpoint does not support RPC version {version}. Attempted method: echo");
        }
    }

    [Fact]
    public async Task Call_SlowWithCallMonitorTimeout_KeepAlivesKeepTheCallAlive()
    {
        // The client gives up when nothing comes for 2 s; the method takes 5 s, so only keep-alives
        // (every 1 s) carry the call to its result.
        var reply = Assert.Single(await CallAsync(new { method = "slow", kwargs = new { seconds = 5 }, call_monitor_timeout = 2, timeout = 30 }));

        Assert.Equal("done", reply.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Call_SlowWithoutKeepAlivesWithinCallMonitorTimeout_TimesOutOnTheClient()
    {
        // The control of the test above: a call monitor of 1 s asks for no keep-alives (oslo sends
        // none below 2 s), so the 3 s method times the client out.
        var reply = Assert.Single(await CallAsync(new { method = "slow", kwargs = new { seconds = 3 }, call_monitor_timeout = 1, timeout = 30 }));

        Assert.Equal("MessagingTimeout", reply.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Call_PreparedForThisServer_IsServedFromTheServerQueue()
    {
        var reply = Assert.Single(await CallAsync(new { method = "echo", server = _server.Host }));

        Assert.Equal("1.0", reply.GetProperty("result").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Cast_PlainAndFanout_RunWithoutReply()
    {
        var replies = await CallAsync(
            new { method = "record", kwargs = new { via = "cast" }, cast = true },
            new { method = "record", kwargs = new { via = "fanout" }, fanout = true });

        Assert.All(replies, r => Assert.True(r.GetProperty("sent").GetBoolean()));
        var received = await _dispatcher.WaitForAsync(2, Patience);
        Assert.Equal(["cast", "fanout"], received.Select(r => r.Arguments.GetProperty("via").GetString()).Order(StringComparer.Ordinal));
        Assert.All(received, r => Assert.False(r.IsCall));
    }

    private static void AssertRemoteError(JsonElement reply, string excType, string value)
    {
        var error = reply.GetProperty("error");
        Assert.Equal("RemoteError", error.GetProperty("type").GetString());
        Assert.Equal(excType, error.GetProperty("exc_type").GetString());
        Assert.Equal(value, error.GetProperty("value").GetString());
    }

    private Task<IReadOnlyList<JsonElement>> CallAsync(params object[] requests) =>
        OsloRpcClientProcess.RunAsync(_server.Exchange, _server.Topic, requests, Patience);
}
