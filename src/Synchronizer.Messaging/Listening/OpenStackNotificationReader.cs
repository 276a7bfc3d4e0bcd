using System.Globalization;
using System.Text.Json;
using Synchronizer.Messaging.Oslo;

namespace Synchronizer.Messaging.Listening;

/// <summary>
/// Reads an OpenStack notification body: oslo's 2.0 envelope or a bare 1.0 message, with a string
/// <c>event_type</c> and an object <c>payload</c>. Anything else is a poison message.
/// </summary>
public static class OpenStackNotificationReader
{
    /// <summary>Tries to read a notification.</summary>
    /// <param name="body">The AMQP body.</param>
    /// <param name="source">Where it was received.</param>
    /// <param name="notification">The notification, when readable.</param>
    /// <param name="problem">Why it is not, otherwise.</param>
    /// <returns><see langword="true"/> when the body is a notification.</returns>
    public static bool TryRead(ReadOnlySpan<byte> body, NotificationSource source, out OpenStackNotification? notification, out string? problem)
    {
        notification = null;
        try
        {
            using var document = JsonDocument.Parse(OsloEnvelope.Unwrap(body));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the message is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("event_type", out var eventType) || eventType.ValueKind != JsonValueKind.String || eventType.GetString()!.Length == 0)
            {
                problem = "the message has no event_type string";
                return false;
            }

            if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
            {
                problem = "the message has no payload object";
                return false;
            }

            var publisher = root.TryGetProperty("publisher_id", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;
            notification = new OpenStackNotification(source, eventType.GetString()!, publisher, payload.Clone(), ReadTimestamp(root));
            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"the body is not JSON: {ex.Message}";
            return false;
        }
    }

    // oslo writes str(utcnow()): "2012-10-29 13:42:11.721083", UTC without a zone.
    private static DateTimeOffset? ReadTimestamp(JsonElement root) =>
        root.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
