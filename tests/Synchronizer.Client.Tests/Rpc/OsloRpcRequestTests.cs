using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Tests.Rpc;

public class OsloRpcRequestTests
{
    private const string MessageId = "eed1a5909a194bf4a44b31fbb4e61dbc";
    private const string ReplyQueue = "reply_f18cd80596e946dbae5b954b04217cf8";
    private static readonly Guid UniqueId = Guid.Parse("1c12f29a-e179-4aa6-bcf5-009df24d1165");

    [Fact]
    public void Write_GetAllCall_MatchesGoldenFile()
    {
        var body = OsloRpcRequest.Write("get_all", GetAllArguments, MessageId, ReplyQueue, null, UniqueId);

        GoldenFile.AssertMatches("rpc-request.get_all.body.json", body);
    }

    [Fact]
    public void Write_CallWithCallMonitor_MatchesGoldenFile()
    {
        var body = OsloRpcRequest.Write("sync", json => json.WriteBoolean("wait", true), MessageId, ReplyQueue, TimeSpan.FromSeconds(30), UniqueId);

        GoldenFile.AssertMatches("rpc-request.sync-with-timeout.body.json", body);
    }

    [Fact]
    public void Write_InnerMessage_HasTheKeysOfARealOsloCallInItsOrder()
    {
        using var inner = OsloWire.Unwrap(OsloRpcRequest.Write("get_all", GetAllArguments, MessageId, ReplyQueue, TimeSpan.FromSeconds(2.5), UniqueId));

        // The order of oslo.messaging 14's own requests (recorded in the service's RPC reader tests).
        Assert.Equal(["method", "args", "version", "_msg_id", "_reply_q", "_timeout", "_unique_id"], inner.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, inner.RootElement.GetProperty("_timeout").GetInt32());
        Assert.Equal("1.0", inner.RootElement.GetProperty("version").GetString());
    }

    private static void GetAllArguments(Utf8JsonWriter json)
    {
        json.WriteString("entity_type", "nova.instance");
        json.WriteNumber("limit", 1000);
        json.WriteString("marker", "9168b536-cd40-4630-b43f-b259807c6e87");
    }
}
