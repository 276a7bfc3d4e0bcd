using System.Globalization;
using System.Text;
using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Watching;

/// <summary>Reads a whole change notification (CONTRACT §3): the oslo message with its payload.</summary>
internal static class ChangeNotificationReader
{
    // oslo's notifier writes timeutils.utcnow() as "YYYY-MM-DD HH:MM:SS.ffffff", without a zone: it is UTC.
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss"];

    /// <exception cref="InvalidDataException">The body is not a change notification.</exception>
    public static ChangeNotification Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var inner = OsloWire.Unwrap(body);
            var message = inner.RootElement;
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("payload", out var payload))
            {
                throw new InvalidDataException("The message has no 'payload'.");
            }

            var change = RpcResultReader.Change(payload, "notification");
            return new ChangeNotification(
                OptionalString(message, "message_id") ?? string.Empty,
                OptionalString(message, "event_type") ?? $"{change.EntityType}.{ActionName(change.Action)}",
                OptionalString(message, "publisher_id"),
                Timestamp(OptionalString(message, "timestamp")),
                change,
                message.Clone());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or DecoderFallbackException)
        {
            throw new InvalidDataException($"The message is not an oslo notification: {ex.Message}", ex);
        }
    }

    /// <summary>The action as the wire writes it: <c>create</c>, <c>update</c>, <c>delete</c>.</summary>
    public static string ActionName(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        _ => "delete",
    };

    private static DateTimeOffset? Timestamp(string? text) =>
        text is not null && DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : null;

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
