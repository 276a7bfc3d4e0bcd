using System.Text.Json;

namespace Synchronizer.Plugins.Testing;

/// <summary>A notification as OpenStack sends it, and the entity ids a mapper must read from it.</summary>
/// <param name="EventType">The notification's <c>event_type</c>.</param>
/// <param name="Payload">The notification's <c>payload</c>.</param>
/// <param name="ExpectedIds">The ids the mapper must return, in order.</param>
public sealed record NotificationSample(string EventType, JsonElement Payload, IReadOnlyList<string> ExpectedIds)
{
    /// <summary>Reads a sample from a notification message: the decoded <c>oslo.message</c>, or the whole oslo envelope.</summary>
    /// <param name="message">The UTF-8 JSON of the message, for example a file of the shared fixtures.</param>
    /// <param name="expectedIds">The ids the mapper must return.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="JsonException">The message is not JSON.</exception>
    /// <exception cref="ArgumentException">The message has no <c>event_type</c> or <c>payload</c>.</exception>
    public static NotificationSample FromMessage(ReadOnlySpan<byte> message, params string[] expectedIds)
    {
        using var document = JsonDocument.Parse(message.ToArray());
        var root = document.RootElement;

        // messagingv2 wraps the message as a JSON string under "oslo.message" (oslo_messaging/_drivers/common.py).
        if (root.TryGetProperty("oslo.message", out var inner) && inner.ValueKind == JsonValueKind.String)
        {
            using var unwrapped = JsonDocument.Parse(inner.GetString()!);
            return Read(unwrapped.RootElement, expectedIds);
        }

        return Read(root, expectedIds);
    }

    private static NotificationSample Read(JsonElement message, string[] expectedIds)
    {
        if (!message.TryGetProperty("event_type", out var eventType) || eventType.ValueKind != JsonValueKind.String
            || !message.TryGetProperty("payload", out var payload))
        {
            throw new ArgumentException("The message has no event_type string or no payload.", nameof(message));
        }

        return new NotificationSample(eventType.GetString()!, payload.Clone(), expectedIds);
    }
}
