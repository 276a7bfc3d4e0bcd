using System.Text.Json;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Tests.Replication;

/// <summary>
/// An in-memory synchronizer with the contract's semantics: dense revisions, a change log with a
/// retention floor (<c>RevisionGone</c> below it), and <c>get_all</c> snapshots pinned by their first page.
/// </summary>
internal sealed class FakeSynchronizer : ISynchronizerRpc
{
    public const string Type = "nova.instance";

    private readonly SortedDictionary<string, ReplicaEntity> _entities = new(StringComparer.Ordinal);
    private readonly List<EntityChange> _log = [];
    private List<ReplicaEntity>? _pinned;
    private long _pinnedRevision;

    public long Revision { get; private set; }

    public long FirstRetained { get; private set; } = 1;

    public int GetAllCalls { get; private set; }

    public int GetChangesCalls { get; private set; }

    /// <summary>Gets or sets what runs before each <c>get_all</c> page is served (changes "while the snapshot is read").</summary>
    public Action<FakeSynchronizer, string?>? BeforeGetAll { get; set; }

    /// <summary>Gets or sets how many times a continued snapshot answers <c>SnapshotExpired</c>.</summary>
    public int ExpireSnapshots { get; set; }

    /// <summary>Gets or sets a value indicating whether a continued snapshot reports the current revision instead of the pinned one (a broken server).</summary>
    public bool MoveSnapshotOnce { get; set; }

    /// <summary>Gets or sets how many of the next <c>get_changes</c> calls fail, and with what.</summary>
    public (int Count, Exception Error) FailNextGetChanges { get; set; }

    public IReadOnlyDictionary<string, ReplicaEntity> Entities => _entities;

    public EntityChange Upsert(string id, string name)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(new { id, name }));
        var action = _entities.ContainsKey(id) ? ChangeAction.Update : ChangeAction.Create;
        var change = new EntityChange(Type, id, action, ++Revision, $"h:{id}:{name}", null, "poll", action == ChangeAction.Update ? ["name"] : [], json.RootElement.Clone());
        _entities[id] = new ReplicaEntity(id, change.Revision, change.Hash, change.Entity);
        _log.Add(change);
        return change;
    }

    public EntityChange Delete(string id)
    {
        var last = _entities[id];
        var change = new EntityChange(Type, id, ChangeAction.Delete, ++Revision, last.Hash, null, "poll", [], last.Entity);
        _entities.Remove(id);
        _log.Add(change);
        return change;
    }

    /// <summary>Drops the change log through <paramref name="revision"/>, as retention does.</summary>
    public void Forget(long revision)
    {
        FirstRetained = revision + 1;
        _log.RemoveAll(c => c.Revision <= revision);
    }

    public Task<IReadOnlyList<EntityTypeStatus>> ListTypesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EntityTypeStatus>>([new EntityTypeStatus(Type, Revision, _entities.Count, null, null, null)]);

    public Task<SnapshotPage> GetAllAsync(string entityType, string? marker = null, int limit = 1000, string? projectId = null, CancellationToken cancellationToken = default)
    {
        CheckType(entityType);
        GetAllCalls++;
        BeforeGetAll?.Invoke(this, marker);
        if (marker is null)
        {
            _pinned = [.. _entities.Values];
            _pinnedRevision = Revision;
        }
        else if (ExpireSnapshots > 0)
        {
            ExpireSnapshots--;
            throw new SynchronizerRpcException(RpcErrorClasses.SnapshotExpired, "snapshot gone");
        }

        var revision = _pinnedRevision;
        if (marker is not null && MoveSnapshotOnce)
        {
            MoveSnapshotOnce = false;
            revision = Revision;
        }

        var page = _pinned!.Where(e => marker is null || string.CompareOrdinal(e.Id, marker) > 0).Take(limit + 1).ToList();
        var more = page.Count > limit;
        page = page.Take(limit).ToList();
        return Task.FromResult(new SnapshotPage(Type, revision, page, more ? page[^1].Id : null));
    }

    public Task<ChangePage> GetChangesAsync(string entityType, long sinceRevision, int limit = 1000, CancellationToken cancellationToken = default)
    {
        CheckType(entityType);
        GetChangesCalls++;
        if (FailNextGetChanges.Count > 0)
        {
            FailNextGetChanges = (FailNextGetChanges.Count - 1, FailNextGetChanges.Error);
            return Task.FromException<ChangePage>(FailNextGetChanges.Error);
        }
        if (sinceRevision + 1 < FirstRetained)
        {
            throw new SynchronizerRpcException(RpcErrorClasses.RevisionGone, $"r{sinceRevision} is gone");
        }

        return Task.FromResult(new ChangePage(Type, Revision, _log.Where(c => c.Revision > sinceRevision).Take(limit).ToArray()));
    }

    public Task<ReconcileResult> ReconcileAsync(string entityType, IReadOnlyDictionary<string, string> inventory, CancellationToken cancellationToken = default)
    {
        CheckType(entityType);
        var upserts = _entities.Values.Where(e => !inventory.TryGetValue(e.Id, out var hash) || hash != e.Hash).ToArray();
        var deletes = inventory.Keys.Where(id => !_entities.ContainsKey(id)).Order(StringComparer.Ordinal).ToArray();
        return Task.FromResult(new ReconcileResult(Type, Revision, upserts, deletes));
    }

    public Task<IReadOnlyList<SyncResult>> SyncAsync(string? entityType = null, bool wait = true, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SyncResult>>([new SyncResult(Type, "ok", null, Revision, 0, 0, 0, 1)]);

    private static void CheckType(string entityType)
    {
        if (entityType != Type)
        {
            throw new SynchronizerRpcException(RpcErrorClasses.UnknownEntityType, $"No entity type '{entityType}'.");
        }
    }
}
