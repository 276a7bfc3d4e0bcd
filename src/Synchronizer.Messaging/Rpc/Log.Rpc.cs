using Microsoft.Extensions.Logging;

namespace Synchronizer.Messaging;

/// <summary>The log messages of the oslo RPC server (event ids 3100–3199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "RPC server listening on topic {Topic} (queues {Topic}, {ServerQueue} in exchange {Exchange}; fanout exchange {FanoutExchange})")]
    public static partial void RpcListening(ILogger logger, string topic, string serverQueue, string exchange, string fanoutExchange);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "RPC server stopped")]
    public static partial void RpcStopped(ILogger logger);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "RPC server cannot listen: {Error}; retrying in {DelayMs} ms")]
    public static partial void RpcListenFailed(ILogger logger, string error, long delayMs);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "RPC request dropped (method {Method}): {Reason}")]
    public static partial void RpcRequestDropped(ILogger logger, string? method, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "RPC request rejected unread: {Bytes} bytes is over rpc_max_request_bytes = {MaxBytes}")]
    public static partial void RpcRequestTooLarge(ILogger logger, int bytes, int maxBytes);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "RPC {Method} failed with {ErrorClass}: {Error}")]
    public static partial void RpcCallFailed(ILogger logger, string method, string errorClass, string error);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Error, Message = "RPC {Method} failed unexpectedly")]
    public static partial void RpcCallCrashed(ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "RPC reply to {MessageId} dropped: {Reason}")]
    public static partial void RpcReplyDropped(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "RPC server lost its subscription: {Reason}; listening again")]
    public static partial void RpcSessionLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Debug, Message = "RPC {Method} completed in {ElapsedMs} ms")]
    public static partial void RpcCallCompleted(ILogger logger, string method, long elapsedMs);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Debug, Message = "RPC keep-alive for {MessageId} not sent: {Reason}")]
    public static partial void RpcKeepAliveFailed(ILogger logger, string messageId, string reason);
}
