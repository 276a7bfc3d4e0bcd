using System.Collections.Concurrent;
using Synchronizer.Core.Changes;

namespace Synchronizer.Core.State;

/// <summary>
/// A change store that lives only as long as the process: for tests and for a service started
/// without a database. A restart re-announces everything.
/// </summary>
/// <remarks>
/// Its change log is bounded like a durable store's: it keeps at least the retention of changes per
/// type, and every change not yet published. Logged changes share their entity bytes with the
/// baseline, so the log costs little more than its records.
/// </remarks>
public sealed class InMemoryChangeStore : IChangeStore
{
    private readonly ConcurrentDictionary<string, TypeRecord> _types = new(StringComparer.Ordinal);
    private readonly int _retention;

    /// <summary>Initializes a new instance of the <see cref="InMemoryChangeStore"/> class that keeps <see cref="ChangeStoreDefaults.ChangeLogRetention"/> changes per type.</summary>
    public InMemoryChangeStore()
        : this(ChangeStoreDefaults.ChangeLogRetention)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InMemoryChangeStore"/> class.</summary>
    /// <param name="changeLogRetention">The fewest changes per type the log keeps; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="changeLogRetention"/> is below 1.</exception>
    public InMemoryChangeStore(int changeLogRetention)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(changeLogRetention, 1);
        _retention = changeLogRetention;
    }

    /// <inheritdoc />
    public Task<StoredTypeState> LoadAsync(string entityType, CancellationToken cancellationToken)
    {
        var record = Get(entityType);
        lock (record)
        {
            var unpublished = record.Log.GetRange(record.IndexOf(record.PublishedThrough + 1), (int)(record.Snapshot.Revision - record.PublishedThrough));
            return Task.FromResult(new StoredTypeState(record.Snapshot, unpublished));
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        var record = Get(changes[0].EntityType);
        lock (record)
        {
            record.Snapshot = record.Snapshot.Apply(changes);
            record.Log.AddRange(changes);
            record.Prune(_retention);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkPublishedAsync(string entityType, long throughRevision, CancellationToken cancellationToken)
    {
        var record = Get(entityType);
        lock (record)
        {
            record.PublishedThrough = Math.Max(record.PublishedThrough, Math.Min(throughRevision, record.Snapshot.Revision));
            record.Prune(_retention);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ChangeLogPage> ReadChangesAsync(string entityType, long afterRevision, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var record = Get(entityType);
        lock (record)
        {
            var revision = record.Snapshot.Revision;
            var first = record.FirstRetained;
            IReadOnlyList<EntityChange> changes = [];
            if (!ChangeLogPage.IsGone(afterRevision, first) && afterRevision < revision)
            {
                var start = record.IndexOf(afterRevision + 1);
                changes = record.Log.GetRange(start, (int)Math.Min(limit, revision - afterRevision));
            }

            return Task.FromResult(new ChangeLogPage(entityType, afterRevision, revision, first, changes));
        }
    }

    private TypeRecord Get(string entityType) => _types.GetOrAdd(entityType, static t => new TypeRecord(TypeSnapshot.Empty(t)));

    /// <summary>One type's state; its log holds the dense revisions <see cref="FirstRetained"/> to the snapshot's revision.</summary>
    private sealed class TypeRecord(TypeSnapshot snapshot)
    {
        public TypeSnapshot Snapshot { get; set; } = snapshot;

        public List<EntityChange> Log { get; } = [];

        public long PublishedThrough { get; set; }

        public long FirstRetained => Log.Count > 0 ? Log[0].Revision : Snapshot.Revision + 1;

        public int IndexOf(long revision) => (int)(revision - FirstRetained);

        public void Prune(int retention)
        {
            // Only published changes go, and only beyond the retention: the log stays one dense range.
            // Dropping in chunks of 1/16 of the retention keeps a busy push path from shifting the whole list per change.
            var through = Math.Min(PublishedThrough, Snapshot.Revision - retention);
            var count = (int)Math.Clamp(through - FirstRetained + 1, 0, Log.Count);
            if (count > 0 && count >= Math.Max(1, retention / 16))
            {
                Log.RemoveRange(0, count);
            }
        }
    }
}
