using System.Text.Json;

namespace Synchronizer.Plugins.Abstractions.Notifications;

/// <summary>Reads values out of notification payloads without throwing on an unexpected shape.</summary>
public static class NotificationPayload
{
    /// <summary>Follows <paramref name="path"/> through nested objects and returns the string found there.</summary>
    /// <param name="payload">The payload object.</param>
    /// <param name="path">Property names, outermost first, for example <c>nova_object.data</c>, <c>uuid</c>.</param>
    /// <returns>The string, or <see langword="null"/> when a step is missing, not an object, or the value is not a non-empty string.</returns>
    public static string? GetString(JsonElement payload, params ReadOnlySpan<string> path)
    {
        var current = payload;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String && current.GetString() is { Length: > 0 } value ? value : null;
    }
}
