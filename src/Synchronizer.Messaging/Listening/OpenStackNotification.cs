using System.Text.Json;

namespace Synchronizer.Messaging.Listening;

/// <summary>A notification OpenStack published, unwrapped from its oslo envelope.</summary>
/// <param name="Source">Where it came from.</param>
/// <param name="EventType">For example <c>instance.update</c> or <c>volume.delete.end</c>.</param>
/// <param name="PublisherId">For example <c>nova-compute:host1</c>.</param>
/// <param name="Payload">The payload object (Nova's versioned object, or the legacy dict).</param>
/// <param name="Timestamp">When OpenStack sent it, if the message says.</param>
public sealed record OpenStackNotification(NotificationSource Source, string EventType, string PublisherId, JsonElement Payload, DateTimeOffset? Timestamp);
