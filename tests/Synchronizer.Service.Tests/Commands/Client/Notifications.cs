using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Watching;

namespace Synchronizer.Service.Tests.Commands.Client;

/// <summary>Change notifications as a <see cref="ChangeWatcher"/> yields them.</summary>
internal static class Notifications
{
    public static readonly DateTimeOffset PublishedAt = new(2026, 11, 22, 10, 15, 30, 123, 456, TimeSpan.Zero);

    public static ChangeNotification Of(string type, string id, ChangeAction action, long revision, string? name = null, IReadOnlyList<string>? fields = null, DateTimeOffset? publishedAt = null)
    {
        var fieldsOfEntity = new Dictionary<string, string> { ["id"] = id };
        if (name is not null)
        {
            fieldsOfEntity["name"] = name;
        }

        var entity = JsonSerializer.SerializeToElement(fieldsOfEntity);
        var change = new EntityChange(type, id, action, revision, "xxh3-64:5f0e7c1d2a3b4c5d", "2026-11-22T10:15:30.000000Z", "poll", fields ?? [], entity);
        var message = JsonDocument.Parse($$"""
            {
              "message_id": "m-{{revision}}",
              "event_type": "{{type}}.{{action.ToString().ToLowerInvariant()}}",
              "payload": {"id": "{{id}}", "revision": {{revision}}}
            }
            """).RootElement;
        return new ChangeNotification($"m-{revision}", $"{type}.{action.ToString().ToLowerInvariant()}", "synchronizer.test", publishedAt ?? PublishedAt, change, message);
    }

    public static async IAsyncEnumerable<ChangeNotification> Stream(params ChangeNotification[] notifications)
    {
        foreach (var notification in notifications)
        {
            await Task.Yield();
            yield return notification;
        }
    }
}
