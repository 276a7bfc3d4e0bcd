using System.Collections.Concurrent;
using Synchronizer.Core.Changes;

namespace Synchronizer.Core.State;

/// <summary>
/// A change store that lives only as long as the process: for tests and for a service started
/// without a database. A restart re-announces everything.
/// </summary>
public sealed class InMemoryChangeStore : IChangeStore
{
    private readonly ConcurrentDictionary<string, TypeRecord> _types = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<StoredTypeState> LoadAsync(string entityType, CancellationToken cancellationToken)
    {
        var record = Get(entityType);
        lock (record)
        {
            return Task.FromResult(new StoredTypeState(record.Snapshot, record.Unpublished.ToArray()));
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
            record.Unpublished.AddRange(changes);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkPublishedAsync(string entityType, long throughRevision, CancellationToken cancellationToken)
    {
        var record = Get(entityType);
        lock (record)
        {
            record.Unpublished.RemoveAll(c => c.Revision <= throughRevision);
        }

        return Task.CompletedTask;
    }

    private TypeRecord Get(string entityType) => _types.GetOrAdd(entityType, static t => new TypeRecord(TypeSnapshot.Empty(t)));

    private sealed class TypeRecord(TypeSnapshot snapshot)
    {
        public TypeSnapshot Snapshot { get; set; } = snapshot;

        public List<EntityChange> Unpublished { get; } = [];
    }
}
