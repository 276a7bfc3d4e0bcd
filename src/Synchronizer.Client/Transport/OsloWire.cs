using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Synchronizer.Client.Transport;

/// <summary>
/// oslo.messaging's 2.0 envelope, <c>{"oslo.version": "2.0", "oslo.message": "&lt;the message as a JSON string&gt;"}</c>
/// (<c>oslo_messaging/_drivers/common.py</c> <c>serialize_msg</c>/<c>deserialize_msg</c>), and the AMQP
/// properties oslo publishes with.
/// </summary>
internal static class OsloWire
{
    public const string ContentType = "application/json";
    public const string ContentEncoding = "utf-8";

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Wrap(ReadOnlySpan<byte> innerMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(innerMessage.Length + (innerMessage.Length / 4) + 64);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("oslo.version", "2.0");
            json.WriteString("oslo.message", innerMessage);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses the inner message of a body: a 2.0 envelope, or a bare (1.0) message.</summary>
    /// <exception cref="JsonException">The body is not JSON or the envelope is malformed.</exception>
    public static JsonDocument Unwrap(ReadOnlyMemory<byte> body)
    {
        using var outer = JsonDocument.Parse(body);
        if (outer.RootElement.ValueKind == JsonValueKind.Object && outer.RootElement.TryGetProperty("oslo.message", out var inner))
        {
            if (inner.ValueKind != JsonValueKind.String)
            {
                throw new JsonException("'oslo.message' must be a JSON string.");
            }

            return JsonDocument.Parse(Encoding.UTF8.GetBytes(inner.GetString()!));
        }

        return JsonDocument.Parse(body);
    }
}
