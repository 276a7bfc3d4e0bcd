using System.Text;
using System.Text.Json;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.FunctionalTests.Client;

/// <summary>
/// A stand-in for the service behind the real RPC server: one entity type whose state (Core's
/// <see cref="TypeSnapshot"/>) the test changes by hand. Each change gets the next revision, goes to a
/// change log and, unless the test says otherwise, out as a real notification through the service's
/// own publisher. It serves <c>get_all</c> (snapshots pinned by their first page), <c>get_changes</c>
/// (with a retention floor the test moves) and <c>reconcile</c>, as CONTRACT §4 describes them.
/// </summary>
internal sealed class ScriptedSynchronizer : IRpcDispatcher
{
    public const string Type = "nova.instance";

    private readonly IChangePublisher _publisher;
    private readonly Lock _gate = new();
    private readonly List<EntityChange> _log = [];
    private readonly Dictionary<long, TypeSnapshot> _pinned = [];
    private TypeSnapshot _current = TypeSnapshot.Empty(Type);
    private long _firstRetained = 1;

    public ScriptedSynchronizer(IChangePublisher publisher) => _publisher = publisher;

    public TypeSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Creates or updates an entity; the notification is published unless <paramref name="publish"/> is false (a "lost" one).</summary>
    public Task<EntityChange> UpsertAsync(string id, string name, bool publish = true)
    {
        var entity = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id, name, status = "ACTIVE" }));
        lock (_gate)
        {
            var action = _current.Entities.ContainsKey(id) ? ChangeAction.Update : ChangeAction.Create;
            IReadOnlyList<string> fields = action == ChangeAction.Update ? ["name"] : [];
            return RecordAsync(new EntityChange(Type, id, action, _current.Revision + 1, ContentHash.Of(entity), entity, fields, ChangeSource.Poll, DateTimeOffset.UtcNow), publish);
        }
    }

    public Task<EntityChange> DeleteAsync(string id, bool publish = true)
    {
        lock (_gate)
        {
            var last = _current.Entities[id];
            return RecordAsync(new EntityChange(Type, id, ChangeAction.Delete, _current.Revision + 1, last.Hash, last.Json, [], ChangeSource.Poll, DateTimeOffset.UtcNow), publish);
        }
    }

    /// <summary>Drops the change log through the current revision, as retention would.</summary>
    public void ForgetChangeLog()
    {
        lock (_gate)
        {
            _firstRetained = _current.Revision + 1;
            _log.Clear();
        }
    }

    public Task<RpcResult> DispatchAsync(RpcRequest request, CancellationToken cancellationToken) => request.Method switch
    {
        RpcMethodNames.GetAll => Task.FromResult(GetAll(RpcArguments.Of(request, "entity_type", "marker", "limit", "project_id"))),
        RpcMethodNames.GetChanges => Task.FromResult(GetChanges(RpcArguments.Of(request, "entity_type", "since_revision", "limit"))),
        RpcMethodNames.Reconcile => Task.FromResult(Reconcile(RpcArguments.Of(request, "entity_type", "inventory"))),
        _ => throw RpcErrorException.UnknownMethod(request.Method),
    };

    private static void WriteEntity(Utf8JsonWriter json, StoredEntity entity)
    {
        json.WriteStartObject();
        json.WriteString("id", entity.Id);
        json.WriteNumber("revision", entity.Revision);
        json.WriteString("hash", entity.Hash.ToString());
        json.WritePropertyName("entity");
        json.WriteRawValue(entity.Json.Span);
        json.WriteEndObject();
    }

    private static void CheckType(RpcArguments arguments)
    {
        var type = arguments.GetString("entity_type");
        if (type != Type)
        {
            throw new RpcErrorException(RpcErrorClasses.UnknownEntityType, $"No entity type '{type}'.");
        }
    }

    private Task<EntityChange> RecordAsync(EntityChange change, bool publish)
    {
        _current = _current.Apply([change]);
        _log.Add(change);
        return publish ? PublishAsync(change) : Task.FromResult(change);
    }

    private async Task<EntityChange> PublishAsync(EntityChange change)
    {
        await _publisher.PublishAsync([change], CancellationToken.None);
        return change;
    }

    private RpcResult GetAll(RpcArguments arguments)
    {
        CheckType(arguments);
        var limit = (int)arguments.GetInt64("limit", 1000, 1, 5000);
        var marker = arguments.GetOptionalString("marker");
        TypeSnapshot snapshot;
        string? lastId = null;
        lock (_gate)
        {
            if (marker is null)
            {
                snapshot = _current;
                _pinned[snapshot.Revision] = snapshot;
            }
            else
            {
                var bar = marker.IndexOf('|', StringComparison.Ordinal);
                if (bar < 0 || !long.TryParse(marker[..bar], out var revision) || !_pinned.TryGetValue(revision, out snapshot!))
                {
                    throw new RpcErrorException(RpcErrorClasses.SnapshotExpired, $"The snapshot of marker '{marker}' is gone: start over.");
                }

                lastId = marker[(bar + 1)..];
            }
        }

        var page = snapshot.Page(lastId, limit);
        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteString("entity_type", Type);
            json.WriteNumber("revision", page.Revision);
            json.WriteStartArray("entities");
            foreach (var entity in page.Entities)
            {
                WriteEntity(json, entity);
            }

            json.WriteEndArray();
            if (page.NextMarker is null)
            {
                json.WriteNull("next_marker");
            }
            else
            {
                json.WriteString("next_marker", $"{page.Revision}|{page.NextMarker}");
            }

            json.WriteEndObject();
        });
    }

    private RpcResult GetChanges(RpcArguments arguments)
    {
        CheckType(arguments);
        var since = arguments.GetInt64("since_revision", 0, long.MaxValue);
        var limit = (int)arguments.GetInt64("limit", 1000, 1, 5000);
        EntityChange[] changes;
        long revision;
        lock (_gate)
        {
            if (since + 1 < _firstRetained)
            {
                throw new RpcErrorException(RpcErrorClasses.RevisionGone, $"{Type}: revision {since} is older than the retained change log (oldest {_firstRetained}): take a new snapshot.");
            }

            changes = _log.Where(c => c.Revision > since).Take(limit).ToArray();
            revision = _current.Revision;
        }

        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteString("entity_type", Type);
            json.WriteNumber("revision", revision);
            json.WriteStartArray("changes");
            foreach (var change in changes)
            {
                ChangeNotificationWriter.WritePayload(json, change);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private RpcResult Reconcile(RpcArguments arguments)
    {
        CheckType(arguments);
        var inventory = arguments.GetObject("inventory").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal);
        var snapshot = Current;
        var upserts = snapshot.Entities.Values.Where(e => !inventory.TryGetValue(e.Id, out var hash) || hash != e.Hash.ToString()).ToArray();
        var deletes = inventory.Keys.Where(id => !snapshot.Entities.ContainsKey(id)).ToArray();
        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteString("entity_type", Type);
            json.WriteNumber("revision", snapshot.Revision);
            json.WriteStartArray("upserts");
            foreach (var entity in upserts)
            {
                WriteEntity(json, entity);
            }

            json.WriteEndArray();
            json.WriteStartArray("deletes");
            foreach (var id in deletes)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
