using System.Text.Json;

namespace Synchronizer.FunctionalTests.Infrastructure;

/// <summary>A notification as a consumer receives it: AMQP properties, the routing key and the decoded oslo message.</summary>
internal sealed record ReceivedNotification(string RoutingKey, string? ContentType, string? ContentEncoding, bool Persistent, JsonElement Message)
{
    public string EventType => Message.GetProperty("event_type").GetString()!;

    public JsonElement Payload => Message.GetProperty("payload");

    public long Revision => Payload.GetProperty("revision").GetInt64();

    public string Id => Payload.GetProperty("id").GetString()!;

    public string Action => Payload.GetProperty("action").GetString()!;
}
