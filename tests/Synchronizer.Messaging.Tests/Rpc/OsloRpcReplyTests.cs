using System.Text;
using System.Text.Json;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rpc;
using Synchronizer.Messaging.Tests.Oslo;

namespace Synchronizer.Messaging.Tests.Rpc;

public class OsloRpcReplyTests
{
    private const string MessageId = "eed1a5909a194bf4a44b31fbb4e61dbc";
    private static readonly Guid UniqueId = Guid.Parse("1c12f29a-e179-4aa6-bcf5-009df24d1165");

    [Fact]
    public void Result_GetAllPage_MatchesGoldenFile()
    {
        using var page = JsonDocument.Parse("""
            {"entity_type": "nova.instance", "revision": 1042, "entities": [
              {"id": "9168b536-cd40-4630-b43f-b259807c6e87", "revision": 1040, "hash": "xxh3-64:5f0e7c1d2a3b4c5d",
               "entity": {"id": "9168b536-cd40-4630-b43f-b259807c6e87", "name": "sérveur \"1\"", "status": "ACTIVE"}}],
             "next_marker": null}
            """);

        var body = OsloRpcReply.Result(MessageId, RpcResult.FromJson(page.RootElement), UniqueId);

        GoldenFile.AssertMatches("rpc-reply.result.body.json", body);
    }

    [Fact]
    public void Result_Null_MatchesGoldenFile()
    {
        GoldenFile.AssertMatches("rpc-reply.null-result.body.json", OsloRpcReply.Result(MessageId, RpcResult.Null, UniqueId));
    }

    [Fact]
    public void KeepAlive_MatchesGoldenFile()
    {
        GoldenFile.AssertMatches("rpc-reply.keep-alive.body.json", OsloRpcReply.KeepAlive(MessageId, UniqueId));
    }

    [Fact]
    public void Failure_ContractError_MatchesGoldenFile()
    {
        var error = new RpcErrorException(RpcErrorClasses.RevisionGone, "nova.instance: revision 17 is older than the retained change log (oldest 120): take a new snapshot.");

        var body = OsloRpcReply.Failure(MessageId, OsloRpcFailure.Of(error), UniqueId);

        GoldenFile.AssertMatches("rpc-reply.failure.body.json", body);
    }

    [Fact]
    public void Failure_UnsupportedVersion_MatchesGoldenFileAndOslosWording()
    {
        var body = OsloRpcReply.Failure(MessageId, OsloRpcFailure.UnsupportedVersion("2.0", "get_all"), UniqueId);

        GoldenFile.AssertMatches("rpc-reply.unsupported-version.body.json", body);
        var failure = Failure(body);
        Assert.Equal("oslo_messaging.rpc.dispatcher", failure.GetProperty("module").GetString());
        Assert.Equal("Endpoint does not support RPC version 2.0. Attempted method: get_all", failure.GetProperty("message").GetString());
    }

    [Fact]
    public void Result_InnerMessage_HasOslosKeysInOrder()
    {
        using var inner = Inner(OsloRpcReply.Result(MessageId, RpcResult.FromWriter(json => json.WriteStringValue("done"))));

        Assert.Equal(["result", "failure", "ending", "_msg_id", "_unique_id"], inner.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("done", inner.RootElement.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, inner.RootElement.GetProperty("failure").ValueKind);
        Assert.True(inner.RootElement.GetProperty("ending").GetBoolean());
        Assert.Equal(MessageId, inner.RootElement.GetProperty("_msg_id").GetString());
        Assert.Matches("^[0-9a-f]{32}$", inner.RootElement.GetProperty("_unique_id").GetString());
    }

    [Fact]
    public void KeepAlive_InnerMessage_HasNoResultAndEndingFalse()
    {
        using var inner = Inner(OsloRpcReply.KeepAlive(MessageId));

        Assert.Equal(JsonValueKind.Null, inner.RootElement.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, inner.RootElement.GetProperty("failure").ValueKind);
        Assert.False(inner.RootElement.GetProperty("ending").GetBoolean());
    }

    [Fact]
    public void Failure_FailureString_HasOslosSerializeRemoteExceptionKeys()
    {
        var failure = Failure(OsloRpcReply.Failure(MessageId, OsloRpcFailure.Of(RpcErrorException.InvalidArgument("get_all: argument 'limit' must be an integer from 1 to 5000, not 0."))));

        Assert.Equal(["class", "module", "message", "tb", "args", "kwargs"], failure.EnumerateObject().Select(p => p.Name));
        Assert.Equal("InvalidArgument", failure.GetProperty("class").GetString());
        Assert.Equal(failure.GetProperty("message").GetString(), failure.GetProperty("args")[0].GetString());
        Assert.Equal(JsonValueKind.Array, failure.GetProperty("tb").ValueKind);
        Assert.Empty(failure.GetProperty("kwargs").EnumerateObject());
    }

    [Fact]
    public void Failure_UnexpectedException_NamesTheTypeButNotTheMessage()
    {
        var failure = Failure(OsloRpcReply.Failure(MessageId, OsloRpcFailure.Unexpected(new InvalidOperationException("password=secret"), "sync")));

        Assert.Equal("InvalidOperationException", failure.GetProperty("class").GetString());
        Assert.DoesNotContain("secret", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_WriterThatThrows_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => OsloRpcReply.Result(MessageId, RpcResult.FromWriter(_ => throw new InvalidOperationException("broken"))));
    }

    private static JsonDocument Inner(byte[] body) => JsonDocument.Parse(OsloEnvelope.Unwrap(body));

    private static JsonElement Failure(byte[] body)
    {
        using var inner = Inner(body);
        var text = inner.RootElement.GetProperty("failure").GetString()!;
        return JsonDocument.Parse(Encoding.UTF8.GetBytes(text)).RootElement.Clone();
    }
}
