using System.Text;
using System.Text.Json;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Rpc;

/// <summary>
/// One message on a reply queue, as oslo's server writes it (<c>amqpdriver.py</c> <c>_send_reply</c>):
/// <c>{"result", "failure", "ending", "_msg_id", "_unique_id"}</c>. A keep-alive has <c>ending: false</c>
/// and no result; the final reply has <c>ending: true</c>.
/// </summary>
/// <param name="MessageId">The call's <c>_msg_id</c>.</param>
/// <param name="Ending">Whether this is the call's last message.</param>
/// <param name="Result">The result; a JSON <c>null</c> when there is none.</param>
/// <param name="Failure">The failure the server sent, if any.</param>
internal sealed record OsloRpcReply(string MessageId, bool Ending, JsonElement Result, SynchronizerRpcException? Failure)
{
    /// <summary>Reads a reply body; <see langword="null"/> when it is not an oslo reply.</summary>
    public static OsloRpcReply? Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var inner = OsloWire.Unwrap(body);
            var message = inner.RootElement;
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("_msg_id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var ending = message.TryGetProperty("ending", out var e) && e.ValueKind == JsonValueKind.True;
            var result = message.TryGetProperty("result", out var r) ? r.Clone() : default;
            var failure = message.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.String ? ReadFailure(f.GetString()!) : null;
            return new OsloRpcReply(id.GetString()!, ending, result, failure);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Gets a value indicating whether the message carries a result (oslo: <c>reply is not None</c>).</summary>
    public bool HasResult => Result.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    // oslo_messaging/_drivers/common.py serialize_remote_exception: {"class", "module", "message", "tb", "args", "kwargs"}.
    private static SynchronizerRpcException ReadFailure(string json)
    {
        try
        {
            using var failure = JsonDocument.Parse(json);
            var root = failure.RootElement;
            var className = root.TryGetProperty("class", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "RemoteError";
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
            return new SynchronizerRpcException(className, message);
        }
        catch (JsonException)
        {
            return new SynchronizerRpcException("RemoteError", json);
        }
    }
}
