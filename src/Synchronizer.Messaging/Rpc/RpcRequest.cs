using System.Text.Json;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// One oslo RPC request as the server received it (CONTRACT §4): the method, its keyword arguments and
/// the caller's context, minus the envelope and the reply coordinates' validation.
/// </summary>
/// <param name="Method">The method name, for example <c>get_all</c>.</param>
/// <param name="Arguments">The keyword arguments: always a JSON object (empty when the caller sent none).</param>
/// <param name="Version">The requested API version, for example <c>1.0</c>; always a served <c>1.x</c> version by the time a dispatcher sees it.</param>
/// <param name="Context">The caller's context (oslo's <c>_context_*</c> keys, without the prefix).</param>
/// <param name="MessageId">The call's <c>_msg_id</c>; <see langword="null"/> for a cast.</param>
/// <param name="ReplyQueue">The call's <c>_reply_q</c>; <see langword="null"/> for a cast.</param>
/// <param name="CallMonitorTimeout">The caller's <c>_timeout</c> in seconds (keep-alives go every half of it); <see langword="null"/> when not set.</param>
public sealed record RpcRequest(
    string Method,
    JsonElement Arguments,
    string Version,
    IReadOnlyDictionary<string, JsonElement> Context,
    string? MessageId,
    string? ReplyQueue,
    int? CallMonitorTimeout)
{
    /// <summary>Gets a value indicating whether the caller waits for a reply (a call), rather than a cast.</summary>
    public bool IsCall => MessageId is not null && ReplyQueue is not null;
}
