using System.Buffers;
using System.Text.Json;
using Synchronizer.Core.Changes;

namespace Synchronizer.Messaging.Oslo;

/// <summary>
/// Writes a change as an oslo notification (CONTRACT §3): the inner message with <c>message_id</c>,
/// <c>publisher_id</c>, <c>event_type</c>, <c>priority</c>, <c>payload</c>, <c>timestamp</c> and
/// <c>_unique_id</c>, keys in the order oslo's notifier and rabbit driver write them.
/// </summary>
public static class ChangeNotificationWriter
{
    /// <summary>Writes the AMQP body (enveloped) of one change notification.</summary>
    /// <param name="change">The change.</param>
    /// <param name="publisherId">The publisher id, <c>synchronizer.&lt;host&gt;</c>.</param>
    /// <param name="now">The notification timestamp.</param>
    /// <returns>The body.</returns>
    public static byte[] WriteBody(EntityChange change, string publisherId, DateTimeOffset now) =>
        WriteBody(change, publisherId, now, Guid.NewGuid(), Guid.NewGuid());

    /// <summary>Writes the body with given message ids; the golden-file tests need them fixed.</summary>
    internal static byte[] WriteBody(EntityChange change, string publisherId, DateTimeOffset now, Guid messageId, Guid uniqueId)
    {
        ArgumentNullException.ThrowIfNull(change);
        var inner = new ArrayBufferWriter<byte>(change.Entity.Length + 512);
        using (var json = new Utf8JsonWriter(inner))
        {
            json.WriteStartObject();
            json.WriteString("message_id", messageId.ToString());
            json.WriteString("publisher_id", publisherId);
            json.WriteString("event_type", EventType(change));
            json.WriteString("priority", "INFO");
            json.WritePropertyName("payload");
            WritePayload(json, change);
            json.WriteString("timestamp", OsloTimestamps.Notification(now));
            json.WriteString("_unique_id", uniqueId.ToString("N"));
            json.WriteEndObject();
        }

        return OsloEnvelope.Wrap(inner.WrittenSpan);
    }

    /// <summary>Writes a change's payload object (also the element type of <c>get_changes</c>).</summary>
    /// <param name="json">The writer, positioned where a value goes.</param>
    /// <param name="change">The change.</param>
    public static void WritePayload(Utf8JsonWriter json, EntityChange change)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(change);
        json.WriteStartObject();
        json.WriteString("entity_type", change.EntityType);
        json.WriteString("id", change.Id);
        json.WriteString("action", ActionName(change.Action));
        json.WriteNumber("revision", change.Revision);
        json.WriteString("hash", change.Hash.ToString());
        json.WriteString("sampled_at", OsloTimestamps.Iso(change.SampledAt));
        json.WriteString("source", change.Source.ToString().ToLowerInvariant());
        json.WriteStartArray("changed_fields");
        foreach (var field in change.ChangedFields)
        {
            json.WriteStringValue(field);
        }

        json.WriteEndArray();
        json.WritePropertyName("entity");
        json.WriteRawValue(change.Entity.Span, skipInputValidation: true);
        json.WriteEndObject();
    }

    /// <summary>Gets the event type of a change, <c>&lt;entity_type&gt;.create|update|delete</c>.</summary>
    /// <param name="change">The change.</param>
    /// <returns>For example <c>nova.instance.update</c>.</returns>
    public static string EventType(EntityChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{change.EntityType}.{ActionName(change.Action)}";
    }

    private static string ActionName(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        _ => "delete",
    };
}
