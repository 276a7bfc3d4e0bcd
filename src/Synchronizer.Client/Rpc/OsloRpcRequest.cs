using System.Buffers;
using System.Text.Json;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Rpc;

/// <summary>
/// Writes an oslo RPC call as oslo.messaging 14's client does (<c>amqpdriver.py</c> <c>_send</c>):
/// <c>{"method", "args", "version", "_msg_id", "_reply_q", "_timeout", "_unique_id"}</c> in the 2.0 envelope.
/// </summary>
internal static class OsloRpcRequest
{
    /// <summary>Writes the AMQP body of a call.</summary>
    /// <param name="method">The method.</param>
    /// <param name="writeArguments">Writes the keyword arguments into the open <c>args</c> object.</param>
    /// <param name="messageId">The call's <c>_msg_id</c>.</param>
    /// <param name="replyQueue">The caller's reply queue.</param>
    /// <param name="callMonitorTimeout">The <c>_timeout</c> (keep-alives every half of it), or none.</param>
    /// <param name="uniqueId">The <c>_unique_id</c>.</param>
    /// <returns>The body.</returns>
    public static byte[] Write(string method, Action<Utf8JsonWriter> writeArguments, string messageId, string replyQueue, TimeSpan? callMonitorTimeout, Guid uniqueId)
    {
        var inner = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(inner, OsloWire.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("method", method);
            json.WriteStartObject("args");
            writeArguments(json);
            json.WriteEndObject();
            json.WriteString("version", "1.0");
            json.WriteString("_msg_id", messageId);
            json.WriteString("_reply_q", replyQueue);
            if (callMonitorTimeout is { } monitor)
            {
                json.WriteNumber("_timeout", (int)Math.Ceiling(monitor.TotalSeconds));
            }
            else
            {
                json.WriteNull("_timeout");
            }

            json.WriteString("_unique_id", uniqueId.ToString("N"));
            json.WriteEndObject();
        }

        return OsloWire.Wrap(inner.WrittenSpan);
    }
}
