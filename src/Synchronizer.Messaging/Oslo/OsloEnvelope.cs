using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Synchronizer.Messaging.Oslo;

/// <summary>
/// oslo.messaging's 2.0 envelope: <c>{"oslo.version": "2.0", "oslo.message": "&lt;the message as a JSON string&gt;"}</c>
/// (<c>oslo_messaging/_drivers/common.py</c> <c>serialize_msg</c>).
/// </summary>
public static class OsloEnvelope
{
    /// <summary>The envelope version oslo.messaging 14 writes and reads.</summary>
    public const string Version = "2.0";

    // Relaxed escaping keeps non-ASCII text as UTF-8; quotes, backslashes and controls are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Wraps an inner message into the envelope.</summary>
    /// <param name="innerMessage">The UTF-8 JSON of the inner message.</param>
    /// <returns>The AMQP body.</returns>
    public static byte[] Wrap(ReadOnlySpan<byte> innerMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(innerMessage.Length + (innerMessage.Length / 4) + 64);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("oslo.version", Version);
            json.WriteString("oslo.message", innerMessage);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Unwraps an AMQP body: the inner message of a 2.0 envelope, or the body itself for a 1.0 (bare) message.</summary>
    /// <param name="body">The AMQP body.</param>
    /// <returns>The UTF-8 JSON of the inner message.</returns>
    /// <exception cref="JsonException">The body is not JSON, or the envelope is malformed.</exception>
    public static byte[] Unwrap(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("oslo.message", out var inner))
        {
            if (inner.ValueKind != JsonValueKind.String)
            {
                throw new JsonException("'oslo.message' must be a JSON string.");
            }

            return System.Text.Encoding.UTF8.GetBytes(inner.GetString()!);
        }

        return body.ToArray();
    }
}
