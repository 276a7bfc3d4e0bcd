using System.Text;
using System.Text.Json;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Tests.Rpc;

public class OsloRpcReplyTests
{
    [Fact]
    public void Read_RealOsloResult_ReadsResultAndEnding()
    {
        var reply = OsloRpcReply.Read(Fixture.Read("oslo-reply.result.body.json"))!;

        Assert.True(reply.Ending);
        Assert.True(reply.HasResult);
        Assert.Null(reply.Failure);
        Assert.Equal("ü", reply.Result.GetProperty("kw").GetProperty("a").GetString());
        Assert.Matches("^[0-9a-f]{32}$", reply.MessageId);
    }

    [Fact]
    public void Read_RealOsloKeepAlive_IsNotEndingAndHasNoResult()
    {
        var reply = OsloRpcReply.Read(Fixture.Read("oslo-reply.keep-alive.body.json"))!;

        Assert.False(reply.Ending);
        Assert.False(reply.HasResult);
        Assert.Null(reply.Failure);
    }

    [Fact]
    public void Read_RealOsloFailure_GivesTheClassAndMessage()
    {
        var reply = OsloRpcReply.Read(Fixture.Read("oslo-reply.failure.body.json"))!;

        Assert.True(reply.Ending);
        Assert.Equal("MyError", reply.Failure!.ClassName);
        Assert.Equal("it broke", reply.Failure.Message);
    }

    [Fact]
    public void Read_SynchronizersOwnReplies_AreRead()
    {
        var result = OsloRpcReply.Read(Fixture.Read("synchronizer-reply.result.body.json"))!;
        var keepAlive = OsloRpcReply.Read(Fixture.Read("synchronizer-reply.keep-alive.body.json"))!;
        var failure = OsloRpcReply.Read(Fixture.Read("synchronizer-reply.failure.body.json"))!;

        Assert.Equal(1042, result.Result.GetProperty("revision").GetInt64());
        Assert.Equal("sérveur \"1\"", result.Result.GetProperty("entities")[0].GetProperty("entity").GetProperty("name").GetString());
        Assert.False(keepAlive.Ending);
        Assert.Equal(RpcErrorClasses.RevisionGone, failure.Failure!.ClassName);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{\"result\": 1}"}""")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": 5}""")]
    public void Read_NotAReply_IsNull(string body)
    {
        Assert.Null(OsloRpcReply.Read(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Read_FailureThatIsNotJson_IsARemoteErrorWithTheText()
    {
        var inner = JsonSerializer.Serialize(new { result = (object?)null, failure = "boom", ending = true, _msg_id = "m1" });
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["oslo.version"] = "2.0", ["oslo.message"] = inner });

        var reply = OsloRpcReply.Read(body)!;

        Assert.Equal("RemoteError", reply.Failure!.ClassName);
        Assert.Equal("boom", reply.Failure.Message);
    }
}
