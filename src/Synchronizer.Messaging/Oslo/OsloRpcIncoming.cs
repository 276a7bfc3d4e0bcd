using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Oslo;

/// <summary>
/// What <see cref="OsloRpcRequestReader"/> made of one AMQP body: a request to dispatch, a failure to
/// reply at once, or nothing that can be answered (then <see cref="DropReason"/> says why).
/// </summary>
/// <param name="Request">The request to dispatch; <see langword="null"/> when the body is refused.</param>
/// <param name="Failure">The failure to reply instead of dispatching (for example an unsupported version).</param>
/// <param name="MessageId">The call's <c>_msg_id</c>, when one could be read.</param>
/// <param name="ReplyQueue">The call's <c>_reply_q</c>, when one could be read.</param>
/// <param name="Method">The method name, when one could be read (for the log).</param>
/// <param name="DropReason">Why the body can be neither dispatched nor answered.</param>
internal sealed record OsloRpcIncoming(
    RpcRequest? Request,
    OsloRpcFailure? Failure,
    string? MessageId,
    string? ReplyQueue,
    string? Method,
    string? DropReason)
{
    /// <summary>Gets a value indicating whether a reply can be sent.</summary>
    public bool CanReply => MessageId is not null && ReplyQueue is not null;

    public static OsloRpcIncoming Dropped(string reason, string? method = null) => new(null, null, null, null, method, reason);
}
