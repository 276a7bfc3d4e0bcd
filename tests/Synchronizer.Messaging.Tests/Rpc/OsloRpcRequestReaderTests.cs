using System.Text;
using System.Text.Json;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Tests.Rpc;

public class OsloRpcRequestReaderTests
{
    [Fact]
    public void Read_RealOsloCallWithContext_ReadsMethodArgumentsReplyCoordinatesAndContext()
    {
        var incoming = OsloRpcRequestReader.Read(RpcFixtures.Read("oslo-request.call-with-context.body.json"));

        var request = Assert.IsType<RpcRequest>(incoming.Request);
        Assert.Equal("echo", request.Method);
        Assert.Equal("1.0", request.Version);
        Assert.Equal("nova.instance", request.Arguments.GetProperty("entity_type").GetString());
        Assert.Equal(2, request.Arguments.GetProperty("limit").GetInt32());
        Assert.Equal(JsonValueKind.Null, request.Arguments.GetProperty("marker").ValueKind);
        Assert.Equal("eed1a5909a194bf4a44b31fbb4e61dbc", request.MessageId);
        Assert.Equal("reply_f18cd80596e946dbae5b954b04217cf8", request.ReplyQueue);
        Assert.True(request.IsCall);
        Assert.Null(request.CallMonitorTimeout);
        Assert.Equal(["user", "project_id", "request_id"], request.Context.Keys);
        Assert.Equal("req-1", request.Context["request_id"].GetString());
    }

    [Fact]
    public void Read_RealOsloCallWithCallMonitorTimeout_ReadsTimeout()
    {
        var request = OsloRpcRequestReader.Read(RpcFixtures.Read("oslo-request.call-with-timeout.body.json")).Request!;

        Assert.Equal(4, request.CallMonitorTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), RpcRequestHandler.KeepAliveInterval(request));
    }

    [Theory]
    [InlineData("oslo-request.cast.body.json")]
    [InlineData("oslo-request.fanout-cast.body.json")]
    public void Read_RealOsloCast_IsNotACall(string fixture)
    {
        var incoming = OsloRpcRequestReader.Read(RpcFixtures.Read(fixture));

        Assert.False(incoming.Request!.IsCall);
        Assert.False(incoming.CanReply);
        Assert.Null(incoming.Request.MessageId);
    }

    [Fact]
    public void Read_RealOsloCast_DecodesEscapedNonAsciiArguments()
    {
        var request = OsloRpcRequestReader.Read(RpcFixtures.Read("oslo-request.cast.body.json")).Request!;

        Assert.Equal("ü", request.Arguments.GetProperty("z").GetString());
    }

    [Fact]
    public void Read_TheDotNetClientsCall_IsReadAsAnOsloCall()
    {
        // A copy of Synchronizer.Client's golden request: the two sides must agree byte for byte.
        var request = OsloRpcRequestReader.Read(RpcFixtures.Read("synchronizer-client-request.get_all.body.json")).Request!;

        Assert.Equal("get_all", request.Method);
        Assert.True(request.IsCall);
        Assert.Equal("9168b536-cd40-4630-b43f-b259807c6e87", request.Arguments.GetProperty("marker").GetString());
        Assert.Null(request.CallMonitorTimeout);
    }

    [Fact]
    public void Read_BareVersion1Message_IsRead()
    {
        var incoming = OsloRpcRequestReader.Read("""{"method": "list_types", "args": {}, "_msg_id": "m1", "_reply_q": "reply_x"}"""u8);

        Assert.Equal("list_types", incoming.Request!.Method);
        Assert.Equal("1.0", incoming.Request.Version);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.3")]
    [InlineData("1.12.1")]
    [InlineData("1")]
    public void Read_Version1x_IsServed(string version)
    {
        var incoming = OsloRpcRequestReader.Read(Envelope($$"""{"method": "get_all", "version": "{{version}}", "_msg_id": "m1", "_reply_q": "reply_x"}"""));

        Assert.NotNull(incoming.Request);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("0.9")]
    [InlineData("1.x")]
    [InlineData("")]
    [InlineData("1.0.0.0")]
    public void Read_OtherVersion_RepliesUnsupportedVersion(string version)
    {
        var incoming = OsloRpcRequestReader.Read(Envelope($$"""{"method": "get_all", "version": "{{version}}", "_msg_id": "m1", "_reply_q": "reply_x"}"""));

        Assert.Null(incoming.Request);
        Assert.Equal(RpcErrorClasses.UnsupportedVersion, incoming.Failure!.ClassName);
        Assert.True(incoming.CanReply);
    }

    [Fact]
    public void Read_Namespace_RepliesUnsupportedVersionAsOslo()
    {
        var incoming = OsloRpcRequestReader.Read(Envelope("""{"method": "get_all", "namespace": "baremetal", "_msg_id": "m1", "_reply_q": "reply_x"}"""));

        Assert.Equal(RpcErrorClasses.UnsupportedVersion, incoming.Failure!.ClassName);
    }

    [Theory]
    [InlineData("""{"args": {}, "_msg_id": "m1", "_reply_q": "reply_x"}""")]
    [InlineData("""{"method": 7, "_msg_id": "m1", "_reply_q": "reply_x"}""")]
    [InlineData("""{"method": "", "_msg_id": "m1", "_reply_q": "reply_x"}""")]
    [InlineData("""{"method": "get_all", "args": [1, 2], "_msg_id": "m1", "_reply_q": "reply_x"}""")]
    [InlineData("""{"method": "get_all", "args": "limit=5", "_msg_id": "m1", "_reply_q": "reply_x"}""")]
    [InlineData("""{"method": "get_all", "version": 1.0, "_msg_id": "m1", "_reply_q": "reply_x"}""")]
    public void Read_WrongTypes_RepliesInvalidArgument(string message)
    {
        var incoming = OsloRpcRequestReader.Read(Envelope(message));

        Assert.Null(incoming.Request);
        Assert.Equal(RpcErrorClasses.InvalidArgument, incoming.Failure!.ClassName);
        Assert.Equal("m1", incoming.MessageId);
        Assert.Equal("reply_x", incoming.ReplyQueue);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": 42}""")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{\"method\": "}""")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "[1, 2]"}""")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "\"get_all\""}""")]
    [InlineData("[]")]
    [InlineData("")]
    public void Read_NotAnOsloMessage_IsDropped(string body)
    {
        var incoming = OsloRpcRequestReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Null(incoming.Request);
        Assert.Null(incoming.Failure);
        Assert.NotNull(incoming.DropReason);
    }

    [Theory]
    [InlineData("""{"method": "get_all", "_msg_id": 5, "_reply_q": "reply_x"}""")]
    [InlineData("""{"method": "get_all", "_msg_id": "m1", "_reply_q": ["reply_x"]}""")]
    [InlineData("""{"method": "get_all", "_msg_id": "m1", "_reply_q": ""}""")]
    public void Read_UnaddressableReply_IsDropped(string message)
    {
        var incoming = OsloRpcRequestReader.Read(Envelope(message));

        Assert.NotNull(incoming.DropReason);
        Assert.Equal("get_all", incoming.Method);
    }

    [Fact]
    public void Read_ReplyQueueOver255Bytes_IsDropped()
    {
        var incoming = OsloRpcRequestReader.Read(Envelope($$"""{"method": "get_all", "_msg_id": "m1", "_reply_q": "{{new string('q', 256)}}"}"""));

        Assert.NotNull(incoming.DropReason);
    }

    [Fact]
    public void Read_MessageIdWithoutReplyQueue_IsACast()
    {
        var incoming = OsloRpcRequestReader.Read(Envelope("""{"method": "sync", "_msg_id": "m1"}"""));

        Assert.False(incoming.Request!.IsCall);
        Assert.Null(incoming.Request.MessageId);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("4.9", 4)]
    [InlineData("\"60\"", 60)]
    [InlineData("null", null)]
    [InlineData("0", null)]
    [InlineData("-3", null)]
    [InlineData("\"soon\"", null)]
    [InlineData("[4]", null)]
    [InlineData("1e300", null)]
    public void Read_Timeout_ReadAsOslosInt(string json, int? expected)
    {
        var request = OsloRpcRequestReader.Read(Envelope($$"""{"method": "sync", "_msg_id": "m1", "_reply_q": "reply_x", "_timeout": {{json}}}""")).Request!;

        Assert.Equal(expected, request.CallMonitorTimeout);
    }

    [Fact]
    public void Read_DeeplyNestedArguments_IsDroppedNotThrown()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);

        var incoming = OsloRpcRequestReader.Read(Envelope($$"""{"method": "get_all", "args": {"a": {{nested}}}, "_msg_id": "m1", "_reply_q": "reply_x"}"""));

        Assert.NotNull(incoming.DropReason);
    }

    [Fact]
    public void Read_NoArgs_GivesAnEmptyObject()
    {
        var request = OsloRpcRequestReader.Read(Envelope("""{"method": "list_types", "args": null, "_msg_id": "m1", "_reply_q": "reply_x"}""")).Request!;

        Assert.Equal(JsonValueKind.Object, request.Arguments.ValueKind);
        Assert.Empty(request.Arguments.EnumerateObject());
    }

    private static byte[] Envelope(string innerMessage) => OsloEnvelope.Wrap(Encoding.UTF8.GetBytes(innerMessage));
}
