using System.Text.Json;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Watching;

/// <summary>One change notification as the synchronizer published it (CONTRACT §3): the oslo message and its payload.</summary>
/// <param name="MessageId">The notification's <c>message_id</c>; a redelivered notification has the same one.</param>
/// <param name="EventType">The <c>event_type</c>, <c>&lt;entity_type&gt;.create|update|delete</c>.</param>
/// <param name="PublisherId">The <c>publisher_id</c>, <c>synchronizer.&lt;host&gt;</c>; <see langword="null"/> when absent.</param>
/// <param name="PublishedAt">The <c>timestamp</c> (UTC); <see langword="null"/> when absent or not in oslo's form.</param>
/// <param name="Change">The payload: the change itself.</param>
/// <param name="Message">The whole oslo message (<c>message_id</c>, <c>event_type</c>, <c>timestamp</c>, <c>payload</c>, …) as received; a detached copy.</param>
public sealed record ChangeNotification(
    string MessageId,
    string EventType,
    string? PublisherId,
    DateTimeOffset? PublishedAt,
    EntityChange Change,
    JsonElement Message);
