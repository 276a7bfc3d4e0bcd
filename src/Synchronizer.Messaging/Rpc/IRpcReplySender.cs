namespace Synchronizer.Messaging.Rpc;

/// <summary>Sends the replies of calls to their reply queues.</summary>
internal interface IRpcReplySender
{
    /// <summary>Sends one reply body to <paramref name="replyQueue"/> on the default exchange.</summary>
    /// <param name="replyQueue">The call's <c>_reply_q</c>.</param>
    /// <param name="body">The reply body (enveloped).</param>
    /// <param name="retry">Whether to retry for a while when the queue is missing or the broker is away (final replies), or give up at once (keep-alives).</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the broker has confirmed the reply.</returns>
    /// <exception cref="RpcReplyUndeliverableException">The reply queue does not exist, or the broker could not be reached in time.</exception>
    Task SendAsync(string replyQueue, ReadOnlyMemory<byte> body, bool retry, CancellationToken cancellationToken);
}
