using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Synchronizer.Messaging.Oslo;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// Runs one received request: dispatches it, sends <c>ending: false</c> keep-alives every
/// <c>_timeout / 2</c> seconds while it runs (as oslo's dispatcher watchdog does), then the one final
/// reply. Every failure ends here as a failure reply or a log line; nothing escapes to the consumer.
/// </summary>
internal sealed class RpcRequestHandler
{
    private readonly IRpcDispatcher _dispatcher;
    private readonly IRpcReplySender _replies;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RpcRequestHandler(IRpcDispatcher dispatcher, IRpcReplySender replies, TimeProvider time, ILogger logger)
    {
        _dispatcher = dispatcher;
        _replies = replies;
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(OsloRpcIncoming incoming, CancellationToken cancellationToken)
    {
        if (incoming.DropReason is { } reason)
        {
            Log.RpcRequestDropped(_logger, incoming.Method, reason);
            return;
        }

        if (incoming.Request is not { } request)
        {
            var failure = incoming.Failure!;
            Log.RpcCallFailed(_logger, incoming.Method ?? "(none)", failure.ClassName, failure.Message);
            if (incoming.CanReply)
            {
                await ReplyAsync(incoming.ReplyQueue!, incoming.MessageId!, OsloRpcReply.Failure(incoming.MessageId!, failure), cancellationToken);
            }

            return;
        }

        var started = Stopwatch.GetTimestamp();
        byte[]? reply = null;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlives = KeepAliveInterval(request) is { } interval
            ? SendKeepAlivesAsync(request, interval, running.Token, cancellationToken)
            : Task.CompletedTask;
        try
        {
            var result = await _dispatcher.DispatchAsync(request, cancellationToken);

            // Written here, inside the try: a result writer that throws becomes a failure reply.
            reply = request.IsCall ? OsloRpcReply.Result(request.MessageId!, result) : null;
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.RpcCallCompleted(_logger, request.Method, elapsedMs);
        }
        catch (RpcErrorException ex)
        {
            Log.RpcCallFailed(_logger, request.Method, ex.ClassName, ex.Message);
            reply = request.IsCall ? OsloRpcReply.Failure(request.MessageId!, OsloRpcFailure.Of(ex)) : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping: the caller times out, as with an oslo server that stops mid-call.
            return;
        }
        catch (Exception ex)
        {
            Log.RpcCallCrashed(_logger, ex, request.Method);
            reply = request.IsCall ? OsloRpcReply.Failure(request.MessageId!, OsloRpcFailure.Unexpected(ex, request.Method)) : null;
        }
        finally
        {
            // The keep-alives stop before the final reply leaves, so that "ending: true" is the last message.
            await running.CancelAsync();
            await keepAlives;
        }

        if (reply is not null)
        {
            await ReplyAsync(request.ReplyQueue!, request.MessageId!, reply, cancellationToken);
        }
    }

    /// <summary>Gets the keep-alive interval of a call: half its <c>_timeout</c>, none below one second (as oslo).</summary>
    internal static TimeSpan? KeepAliveInterval(RpcRequest request) =>
        request is { IsCall: true, CallMonitorTimeout: { } seconds } && seconds >= 2 ? TimeSpan.FromSeconds(seconds / 2.0) : null;

    private async Task SendKeepAlivesAsync(RpcRequest request, TimeSpan interval, CancellationToken running, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                await Task.Delay(interval, _time, running);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await _replies.SendAsync(request.ReplyQueue!, OsloRpcReply.KeepAlive(request.MessageId!), retry: false, stopping);
            }
            catch (Exception ex) when (ex is RpcReplyUndeliverableException or OperationCanceledException)
            {
                // As oslo's watchdog: a keep-alive that cannot be sent ends the keep-alives, not the call.
                Log.RpcKeepAliveFailed(_logger, request.MessageId!, ex.Message);
                return;
            }
        }
    }

    private async Task ReplyAsync(string replyQueue, string messageId, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            await _replies.SendAsync(replyQueue, body, retry: true, cancellationToken);
        }
        catch (RpcReplyUndeliverableException ex)
        {
            Log.RpcReplyDropped(_logger, messageId, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.RpcReplyDropped(_logger, messageId, "the server is stopping");
        }
    }
}
