using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Oslo;

/// <summary>
/// Writes the replies of oslo RPC calls (CONTRACT §4), as <c>oslo_messaging/_drivers/amqpdriver.py</c>
/// <c>AMQPIncomingMessage._send_reply</c> does: <c>{"result", "failure", "ending", "_msg_id", "_unique_id"}</c>
/// in the 2.0 envelope. A call gets keep-alives (<c>ending: false</c>, no result) while it runs, then
/// exactly one reply with <c>ending: true</c>.
/// </summary>
internal static class OsloRpcReply
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the final reply of a successful call.</summary>
    public static byte[] Result(string messageId, RpcResult result) => Result(messageId, result, Guid.NewGuid());

    /// <summary>Writes a keep-alive (oslo's call-monitor heartbeat).</summary>
    public static byte[] KeepAlive(string messageId) => KeepAlive(messageId, Guid.NewGuid());

    /// <summary>Writes the final reply of a failed call.</summary>
    public static byte[] Failure(string messageId, OsloRpcFailure failure) => Failure(messageId, failure, Guid.NewGuid());

    /// <summary>Writes the final reply of a successful call with a given <c>_unique_id</c>; the golden-file tests need it fixed.</summary>
    internal static byte[] Result(string messageId, RpcResult result, Guid uniqueId) =>
        Write(messageId, result, failure: null, ending: true, uniqueId);

    /// <summary>Writes a keep-alive with a given <c>_unique_id</c>.</summary>
    internal static byte[] KeepAlive(string messageId, Guid uniqueId) =>
        Write(messageId, RpcResult.Null, failure: null, ending: false, uniqueId);

    /// <summary>Writes a failure with a given <c>_unique_id</c>.</summary>
    internal static byte[] Failure(string messageId, OsloRpcFailure failure, Guid uniqueId) =>
        Write(messageId, RpcResult.Null, failure, ending: true, uniqueId);

    private static byte[] Write(string messageId, RpcResult result, OsloRpcFailure? failure, bool ending, Guid uniqueId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var inner = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(inner, WriterOptions))
        {
            json.WriteStartObject();
            json.WritePropertyName("result");
            result.WriteTo(json);
            if (failure is null)
            {
                json.WriteNull("failure");
            }
            else
            {
                json.WriteString("failure", failure.ToJson());
            }

            json.WriteBoolean("ending", ending);
            json.WriteString("_msg_id", messageId);
            json.WriteString("_unique_id", uniqueId.ToString("N"));
            json.WriteEndObject();
        }

        return OsloEnvelope.Wrap(inner.WrittenSpan);
    }
}
