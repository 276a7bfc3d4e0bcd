using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;

namespace Synchronizer.Plugins.Testing.Tests;

/// <summary>An in-memory poller whose faults the contract must catch, one switch each.</summary>
internal sealed class StubPoller : IEntityPoller, IEntityFetcher, INotificationMapper
{
    private readonly IReadOnlyList<EntityRecord> _entities;

    public StubPoller(IReadOnlyList<EntityRecord> entities, params string[] volatileFields)
    {
        _entities = entities;
        Descriptor = new EntityTypeDescriptor("stub.thing", volatileFields, TimeSpan.FromSeconds(30));
    }

    public EntityTypeDescriptor Descriptor { get; }

    public IReadOnlyList<NotificationTarget> Targets { get; } = [new("stub", "notifications")];

    public IReadOnlyList<string> EventTypes { get; } = ["thing.*"];

    public int? StopAfter { get; init; }

    public bool Duplicate { get; init; }

    public bool FetchAltersEntities { get; init; }

    public string MapperIdProperty { get; init; } = "thing_id";

    public static EntityRecord Entity(string id, string extra = "") =>
        new(id, Encoding.UTF8.GetBytes($$"""{"id": "{{id}}", "name": "thing {{id}}", "updated_at": "2026-01-01T00:00:00Z"{{extra}}}"""));

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entity in _entities.Take(StopAfter ?? int.MaxValue))
        {
            yield return entity;
        }

        if (Duplicate && _entities.Count > 0)
        {
            yield return _entities[0];
        }
    }

    public Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = _entities.FirstOrDefault(e => e.Id == id);
        if (entity is not null && FetchAltersEntities)
        {
            entity = Entity(id, ", \"extra\": true");
        }

        return Task.FromResult(entity);
    }

    public IEnumerable<string> EntityIds(string eventType, JsonElement payload)
    {
        if (EventTypePattern.MatchesAny(EventTypes, eventType) && NotificationPayload.GetString(payload, MapperIdProperty) is { } id)
        {
            yield return id;
        }
    }
}
