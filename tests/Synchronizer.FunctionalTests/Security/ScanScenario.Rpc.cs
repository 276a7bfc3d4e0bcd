using System.Text;
using System.Text.Json;
using Synchronizer.Client;
using Synchronizer.Client.Rpc;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;
using Synchronizer.Simulator.Faults;

namespace Synchronizer.FunctionalTests.Security;

// The RPC part of the scan: every contract method through the .NET client, the failures it can
// answer, and hand-written requests whose oslo context carries a caller's token.
internal static partial class ScanScenario
{
    private static async Task ExerciseRpcAsync(ScanRun run)
    {
        var options = new SynchronizerClientOptions
        {
            TransportUrl = TestBroker.TransportUrl,
            ControlExchange = run.Exchange,
            RpcTopic = run.RpcTopic,
            NotificationTopicPrefix = run.Prefix,
            RpcTimeout = Patience,
        };
        await using (var client = await SynchronizerClient.ConnectAsync(options))
        {
            var rpc = client.Rpc;
            Assert.Equal(5, (await rpc.ListTypesAsync()).Count);
            var page = await rpc.GetAllAsync("nova.instance", limit: 2);
            await rpc.GetAllAsync("nova.instance", page.NextMarker, limit: 2);
            await rpc.GetChangesAsync("nova.instance", sinceRevision: 0);
            await rpc.ReconcileAsync("nova.instance", new Dictionary<string, string> { ["not-a-server"] = "xxh3-64:0000000000000000" });
            await rpc.SyncAsync();
            await Assert.ThrowsAsync<SynchronizerRpcException>(() => rpc.GetAllAsync("no.such"));

            await run.Simulator.Control.InjectFaultAsync(new FaultRule("status", Service: "compute", PathContains: "/servers/detail", Times: null));
            await Assert.ThrowsAsync<SynchronizerRpcException>(() => rpc.SyncAsync("nova.instance"));
            await run.Simulator.Control.ClearFaultsAsync();
        }

        await using var caller = await RawRpcCaller.StartAsync(run.Exchange);
        var answered = await CallWithContextAsync(caller, run, "list_types");
        Assert.True(answered.TryGetProperty("result", out _), "list_types with a caller's context did not succeed.");
        var refused = await CallWithContextAsync(caller, run, "no_such_method");
        Assert.True(refused.TryGetProperty("failure", out _), "An unknown method did not come back as a failure.");

        // Not JSON at all, with the token inside: the server drops it and must not quote it.
        await caller.PublishAsync(run.RpcTopic, Encoding.UTF8.GetBytes($"{{\"_context_auth_token\": \"{run.Secrets.RpcContextToken}\", "));
    }

    // An oslo client sends its request context as _context_* keys; OpenStack services put the user's
    // token there (_context_auth_token), so a server that logs a request logs a token.
    private static async Task<JsonElement> CallWithContextAsync(RawRpcCaller caller, ScanRun run, string method)
    {
        var messageId = Guid.NewGuid().ToString("N");
        var inner = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["method"] = method,
            ["args"] = new { },
            ["version"] = "1.0",
            ["_msg_id"] = messageId,
            ["_reply_q"] = caller.ReplyQueue,
            ["_unique_id"] = Guid.NewGuid().ToString("N"),
            ["_context_auth_token"] = run.Secrets.RpcContextToken,
            ["_context_user_id"] = "5cc1126441294107b0deadfc507d010d",
            ["_context_project_id"] = "1b622af8a93e4db9b328810a7b9dc0b8",
        });
        await caller.PublishAsync(run.RpcTopic, RawRpcCaller.Envelope(inner));
        return await caller.ReplyToAsync(messageId, Patience);
    }
}
