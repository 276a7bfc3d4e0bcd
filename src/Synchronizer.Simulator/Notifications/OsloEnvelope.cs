using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// An oslo.messaging "messagingv2" notification: the message (message_id, publisher_id, event_type,
/// priority, payload, timestamp, _unique_id, then the context keys) JSON-encoded as a string inside
/// <c>{"oslo.version": "2.0", "oslo.message": "..."}</c> (fixtures oslo.messaging/wire/*.body.json).
/// </summary>
internal static class OsloEnvelope
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(
        string publisherId,
        string eventType,
        string priority,
        DateTime now,
        Action<Utf8JsonWriter> writePayload,
        Action<Utf8JsonWriter> writeContext)
    {
        var inner = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(inner, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("message_id", Guid.NewGuid().ToString("D"));
            w.WriteString("publisher_id", publisherId);
            w.WriteString("event_type", eventType);
            w.WriteString("priority", priority);
            w.WritePropertyName("payload");
            writePayload(w);

            // str(timeutils.utcnow()): a space, microseconds, no zone.
            w.WriteString("timestamp", now.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
            w.WriteString("_unique_id", Guid.NewGuid().ToString("N"));
            writeContext(w);
            w.WriteEndObject();
        }

        var outer = new ArrayBufferWriter<byte>(inner.WrittenCount + 256);
        using (var w = new Utf8JsonWriter(outer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("oslo.version", "2.0");
            w.WriteString("oslo.message", Encoding.UTF8.GetString(inner.WrittenSpan));
            w.WriteEndObject();
        }

        return outer.WrittenSpan.ToArray();
    }

    /// <summary>The context's timestamp key, isoformat with microseconds.</summary>
    public static string ContextTimestamp(DateTime now) => now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    public static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
