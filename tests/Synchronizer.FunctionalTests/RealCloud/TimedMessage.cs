using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>An oslo message as a consumer received it, with the moment it arrived.</summary>
internal sealed record TimedMessage(DateTimeOffset ArrivedAt, string RoutingKey, JsonElement Message)
{
    public string EventType => Message.GetProperty("event_type").GetString()!;

    public JsonElement Payload => Message.GetProperty("payload");

    /// <summary>Gets the entity id of one of our change notifications.</summary>
    public string? Id => Payload.TryGetProperty("id", out var id) ? id.GetString() : null;

    /// <summary>Gets the entity of one of our change notifications.</summary>
    public JsonElement Entity => Payload.GetProperty("entity");

    public override string ToString() => $"{EventType} {Id} at {ArrivedAt:HH:mm:ss.fff}";
}
