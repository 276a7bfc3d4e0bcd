using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Tests.Rpc;

public sealed class RpcRequestHandlerTests : IDisposable
{
    private readonly IRpcDispatcher _dispatcher = Substitute.For<IRpcDispatcher>();
    private readonly RecordingReplySender _replies = new();
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task HandleAsync_Call_RepliesOnceWithResultAndEnding()
    {
        _dispatcher.DispatchAsync(Arg.Any<RpcRequest>(), Arg.Any<CancellationToken>())
            .Returns(RpcResult.FromWriter(json => json.WriteStringValue("pong")));

        await CreateSut().HandleAsync(Incoming(Call("ping")), CancellationToken.None);

        var reply = Assert.Single(_replies.Sent);
        Assert.Equal("reply_q1", reply.ReplyQueue);
        Assert.True(reply.Ending);
        Assert.True(reply.Retried);
        Assert.Equal("pong", reply.Result.GetString());
        Assert.Null(reply.Failure);
        Assert.Equal("m1", reply.Message.GetProperty("_msg_id").GetString());
    }

    [Fact]
    public async Task HandleAsync_Cast_RunsWithoutReply()
    {
        _dispatcher.DispatchAsync(Arg.Any<RpcRequest>(), Arg.Any<CancellationToken>()).Returns(RpcResult.Null);

        await CreateSut().HandleAsync(Incoming(Call("sync") with { MessageId = null, ReplyQueue = null }), CancellationToken.None);

        await _dispatcher.Received(1).DispatchAsync(Arg.Is<RpcRequest>(r => r.Method == "sync"), Arg.Any<CancellationToken>());
        Assert.Empty(_replies.Sent);
    }

    [Fact]
    public async Task HandleAsync_ContractError_RepliesFailureOfThatClass()
    {
        _dispatcher.DispatchAsync(Arg.Any<RpcRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new RpcErrorException(RpcErrorClasses.UnknownEntityType, "No entity type 'nova.flavor'."));

        await CreateSut().HandleAsync(Incoming(Call("get_all")), CancellationToken.None);

        var failure = Assert.Single(_replies.Sent).Failure!.Value;
        Assert.Equal("UnknownEntityType", failure.GetProperty("class").GetString());
        Assert.Equal("No entity type 'nova.flavor'.", failure.GetProperty("message").GetString());
    }

    [Fact]
    public async Task HandleAsync_UnexpectedException_RepliesFailureNamedAfterItsType()
    {
        _dispatcher.DispatchAsync(Arg.Any<RpcRequest>(), Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("db at 10.0.0.5 timed out"));

        await CreateSut().HandleAsync(Incoming(Call("list_types")), CancellationToken.None);

        var failure = Assert.Single(_replies.Sent).Failure!.Value;
        Assert.Equal("TimeoutException", failure.GetProperty("class").GetString());
        Assert.DoesNotContain("10.0.0.5", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ResultWriterThrows_RepliesFailure()
    {
        _dispatcher.DispatchAsync(Arg.Any<RpcRequest>(), Arg.Any<CancellationToken>())
            .Returns(RpcResult.FromWriter(_ => throw new InvalidOperationException("half written")));

        await CreateSut().HandleAsync(Incoming(Call("get_all")), CancellationToken.None);

        Assert.Equal("InvalidOperationException", Assert.Single(_replies.Sent).Failure!.Value.GetProperty("class").GetString());
    }

    [Fact]
    public async Task HandleAsync_FailureToReplyAtOnce_RepliesItWithoutDispatching()
    {
        var incoming = new OsloRpcIncoming(null, OsloRpcFailure.UnsupportedVersion("2.0", "get_all"), "m1", "reply_q1", "get_all", null);

        await CreateSut().HandleAsync(incoming, CancellationToken.None);

        Assert.Equal("UnsupportedVersion", Assert.Single(_replies.Sent).Failure!.Value.GetProperty("class").GetString());
        await _dispatcher.DidNotReceiveWithAnyArgs().DispatchAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_Dropped_DoesNothing()
    {
        await CreateSut().HandleAsync(OsloRpcIncoming.Dropped("not JSON"), CancellationToken.None);

        Assert.Empty(_replies.Sent);
        await _dispatcher.DidNotReceiveWithAnyArgs().DispatchAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_SlowCallWithTimeout_SendsKeepAlivesEveryHalfTimeoutThenTheReply()
    {
        var finish = new TaskCompletionSource<RpcResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dispatcher.DispatchAsync(Arg.Any<RpcRequest>(), Arg.Any<CancellationToken>()).Returns(finish.Task);
        var handling = CreateSut().HandleAsync(Incoming(Call("sync") with { CallMonitorTimeout = 10 }), CancellationToken.None);

        await _time.WaitForTimersAsync(1);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(_replies.Sent);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await _replies.WaitForAsync(1);
        await _time.WaitForTimersAsync(1);
        _time.Advance(TimeSpan.FromSeconds(5));
        await _replies.WaitForAsync(2);
        finish.SetResult(RpcResult.Null);
        await handling;

        var sent = _replies.Sent;
        Assert.Equal([false, false, true], sent.Select(r => r.Ending));
        Assert.Equal([false, false, true], sent.Select(r => r.Retried));
        Assert.All(sent.Take(2), keepAlive => Assert.Equal(JsonValueKind.Null, keepAlive.Result.ValueKind));
        Assert.All(sent, r => Assert.Equal("m1", r.Message.GetProperty("_msg_id").GetString()));
        Assert.Equal(0, _time.PendingTimers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public void KeepAliveInterval_NoTimeoutOrBelowTwoSeconds_IsNone(int? timeout)
    {
        Assert.Null(RpcRequestHandler.KeepAliveInterval(Call("sync") with { CallMonitorTimeout = timeout }));
    }

    [Fact]
    public void KeepAliveInterval_Cast_IsNone()
    {
        Assert.Null(RpcRequestHandler.KeepAliveInterval(Call("sync") with { CallMonitorTimeout = 60, ReplyQueue = null }));
    }

    [Fact]
    public async Task HandleAsync_KeepAliveFails_StillRepliesAtTheEnd()
    {
        _replies.KeepAliveFailure = new RpcReplyUndeliverableException("reply queue gone");
        var finish = new TaskCompletionSource<RpcResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dispatcher.DispatchAsync(Arg.Any<RpcRequest>(), Arg.Any<CancellationToken>()).Returns(finish.Task);
        var handling = CreateSut().HandleAsync(Incoming(Call("sync") with { CallMonitorTimeout = 4 }), CancellationToken.None);

        await _time.WaitForTimersAsync(1);
        _time.Advance(TimeSpan.FromSeconds(2));
        finish.SetResult(RpcResult.Null);
        await handling;

        Assert.True(Assert.Single(_replies.Sent).Ending);
    }

    public void Dispose()
    {
        _replies.Dispose();
        _time.Dispose();
    }

    private static OsloRpcIncoming Incoming(RpcRequest request) => new(request, null, request.MessageId, request.ReplyQueue, request.Method, null);

    private static RpcRequest Call(string method)
    {
        using var empty = JsonDocument.Parse("{}");
        return new RpcRequest(method, empty.RootElement.Clone(), "1.0", new Dictionary<string, JsonElement>(), "m1", "reply_q1", null);
    }

    private RpcRequestHandler CreateSut() => new(_dispatcher, _replies, _time, NullLogger.Instance);
}
