using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>The RPC server on a real broker: oslo's topology, hostile requests, a broker restart, a declaration mismatch.</summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class OsloRpcServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FakeRpcDispatcher _dispatcher = new();

    [Fact]
    public async Task Start_DeclaresOslosQueuesAndExchangesWithOslosFlags()
    {
        await using var server = await RpcServerHarness.StartAsync(_dispatcher);

        var queues = (await BrokerNode.ListAsync("list_queues", "name", "durable", "auto_delete", "exclusive", "arguments"))
            .Where(q => q[0].StartsWith(server.Topic, StringComparison.Ordinal))
            .ToDictionary(q => q[0], q => string.Join(' ', q[1..]));
        var exchanges = (await BrokerNode.ListAsync("list_exchanges", "name", "type", "durable", "auto_delete"))
            .Where(e => e[0] == server.Exchange || e[0].StartsWith(server.Topic, StringComparison.Ordinal))
            .ToDictionary(e => e[0], e => string.Join(' ', e[1..]));

        // As measured from oslo.messaging 14's own RPC server (see RpcTopology).
        Assert.Equal("false false false []", queues[server.Topic]);
        Assert.Equal("false false false []", queues[$"{server.Topic}.{server.Host}"]);
        var fanout = Assert.Single(queues.Keys, name => name.StartsWith($"{server.Topic}_fanout_", StringComparison.Ordinal));
        Assert.Matches("_fanout_[0-9a-f]{32}$", fanout);
        Assert.Equal("false false false [{\"x-expires\",1800000}]", queues[fanout]);
        Assert.Equal("topic false false", exchanges[server.Exchange]);
        Assert.Equal("fanout false true", exchanges[$"{server.Topic}_fanout"]);
    }

    [Fact]
    public async Task HostileRequests_AreRefusedOrAnsweredAndTheServerKeepsServing()
    {
        await using var server = await RpcServerHarness.StartAsync(_dispatcher, new Dictionary<string, string?> { ["DEFAULT:rpc_max_request_bytes"] = "4096" });
        await using var caller = await RawRpcCaller.StartAsync(server.Exchange);

        await caller.PublishAsync(server.Topic, Encoding.UTF8.GetBytes("this is not JSON"));
        await caller.PublishAsync(server.Topic, Encoding.UTF8.GetBytes("[1, 2, 3]"));
        await caller.PublishAsync(server.Topic, RawRpcCaller.Envelope("\"just a string\""));
        await caller.PublishAsync(server.Topic, RawRpcCaller.Envelope($$"""{"method": "echo", "_msg_id": 7, "_reply_q": "{{caller.ReplyQueue}}"}"""));
        var huge = await caller.CallAsync(server.Topic, "echo", new { padding = new string('x', 10_000) });
        var wrongArgs = await caller.CallAsync(server.Topic, "echo", new[] { 1, 2 });
        var unknown = await caller.CallAsync(server.Topic, "drop_database");
        var noReplyQueue = await caller.CallAsync(server.Topic, "echo", replyQueue: $"reply_{Guid.NewGuid():N}");
        var good = await caller.CallAsync(server.Topic, "echo", new { after = "hostility" });

        var answer = await caller.ReplyToAsync(good, Patience);
        Assert.Equal("hostility", answer.GetProperty("result").GetProperty("args").GetProperty("after").GetString());
        Assert.Equal("InvalidArgument", FailureClass(await caller.ReplyToAsync(wrongArgs, Patience)));
        Assert.Equal("UnknownMethod", FailureClass(await caller.ReplyToAsync(unknown, Patience)));
        Assert.Empty(caller.RepliesTo(huge));
        Assert.DoesNotContain(_dispatcher.Received, r => r.Arguments.TryGetProperty("padding", out _));
        Assert.Contains(_dispatcher.Received, r => r.MessageId == noReplyQueue);
        Assert.Equal(0u, await MessageCountAsync(server.Topic));

        // Still serving after all of it (the reply to the missing queue was dropped, not retried forever).
        Assert.True((await caller.ReplyToAsync(await caller.CallAsync(server.Topic, "echo"), Patience)).TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Call_Concurrent_AllAnsweredWithTheirOwnMessageIds()
    {
        await using var server = await RpcServerHarness.StartAsync(_dispatcher, new Dictionary<string, string?> { ["DEFAULT:rpc_workers"] = "4" });
        await using var caller = await RawRpcCaller.StartAsync(server.Exchange);

        var calls = new List<(string Id, int N)>();
        for (var n = 0; n < 40; n++)
        {
            calls.Add((await caller.CallAsync(n % 2 == 0 ? server.Topic : $"{server.Topic}.{server.Host}", "echo", new { n }), n));
        }

        foreach (var (id, n) in calls)
        {
            var reply = await caller.ReplyToAsync(id, Patience);
            Assert.Equal(n, reply.GetProperty("result").GetProperty("args").GetProperty("n").GetInt32());
            Assert.Single(caller.RepliesTo(id));
        }
    }

    [Trait(BrokerRestart.Trait, BrokerRestart.Value)]
    [Fact]
    public async Task BrokerRestart_ServerListensAgainAndServes()
    {
        await using var server = await RpcServerHarness.StartAsync(_dispatcher);
        await using (var before = await RawRpcCaller.StartAsync(server.Exchange))
        {
            await before.ReplyToAsync(await before.CallAsync(server.Topic, "echo"), Patience);
        }

        await BrokerNode.CtlAsync("stop_app");
        await BrokerNode.CtlAsync("start_app");
        await BrokerNode.CtlAsync("await_startup");

        // Transient queues died with the node: the server's are declared again by the recovery.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await EchoAfterRestartAsync(server, deadline))
        {
            // Not listening again yet: the request went nowhere (no queue yet), waited for the
            // consumer, or hit the control exchange before the server declared it again (the broker
            // then closes the caller's channel, so each attempt uses a caller of its own).
            await Task.Delay(200);
        }

        Assert.True(server.Server.IsListening);
        var fanoutQueues = (await BrokerNode.ListAsync("list_queues", "name")).Count(q => q[0].StartsWith($"{server.Topic}_fanout_", StringComparison.Ordinal));
        Assert.Equal(1, fanoutQueues);
    }

    private static async Task<bool> EchoAfterRestartAsync(RpcServerHarness server, DateTime deadline)
    {
        await using var caller = await RawRpcCaller.StartAsync(server.Exchange);
        try
        {
            var id = await caller.CallAsync(server.Topic, "echo", new { after = "restart" });
            var reply = await caller.ReplyToAsync(id, TimeSpan.FromSeconds(2));
            Assert.Equal("restart", reply.GetProperty("result").GetProperty("args").GetProperty("after").GetString());
            return true;
        }
        catch (Exception ex) when (DateTime.UtcNow < deadline
            && ex is TimeoutException or RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Start_ExchangeDeclaredWithOtherFlags_ReportsTheMismatchAndRetriesWithoutStopping()
    {
        var exchange = TestBroker.UniqueExchange();
        await using (var setup = await OpenChannelAsync())
        {
            await setup.Channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        }

        var logs = new RecordingLoggerProvider();
        await using var server = await RpcServerHarness.StartAsync(_dispatcher, new Dictionary<string, string?> { ["DEFAULT:control_exchange"] = exchange }, waitUntilListening: false, logs);
        var deadline = DateTime.UtcNow + Patience;
        while (!logs.Lines.Any(l => l.Contains("amqp_durable_queues", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(logs.Lines, l => l.StartsWith("Warning: RPC server cannot listen", StringComparison.Ordinal) && l.Contains($"exchange '{exchange}'", StringComparison.Ordinal));
        Assert.False(server.Server.IsListening);

        // Once the operator fixes the broker, the server listens without a restart.
        await using (var fix = await OpenChannelAsync())
        {
            await fix.Channel.ExchangeDeleteAsync(exchange);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server.Server.WaitUntilListeningAsync(timeout.Token);
        Assert.True(server.Server.IsListening);
    }

    private static string? FailureClass(JsonElement reply) =>
        JsonDocument.Parse(reply.GetProperty("failure").GetString()!).RootElement.GetProperty("class").GetString();

    private static async Task<uint> MessageCountAsync(string queue)
    {
        await using var broker = await OpenChannelAsync();
        return await broker.Channel.MessageCountAsync(queue);
    }

    private static async Task<BrokerChannel> OpenChannelAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        var connection = await factory.CreateConnectionAsync();
        return new BrokerChannel(connection, await connection.CreateChannelAsync());
    }

    private sealed record BrokerChannel(IConnection Connection, IChannel Channel) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Channel.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
