using Microsoft.Extensions.Logging;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Polling;

/// <summary>
/// What a <see cref="TypeSynchronizer"/> has recorded for its type: the current snapshot, the
/// changes the broker has not confirmed, and the lock under which revisions are given and published.
/// </summary>
internal sealed class RecordedType : IDisposable
{
    private readonly string _entityType;
    private readonly IChangeStore _store;
    private readonly ILogger _logger;
    private readonly ChangeOutbox _outbox;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TypeSnapshot _snapshot;
    private bool _loaded;

    public RecordedType(string entityType, IChangeStore store, IChangePublisher publisher, ILogger logger)
    {
        _entityType = entityType;
        _store = store;
        _logger = logger;
        _outbox = new ChangeOutbox(entityType, store, publisher, logger);
        _snapshot = TypeSnapshot.Empty(entityType);
    }

    /// <summary>Gets the latest recorded state.</summary>
    public TypeSnapshot Current => Volatile.Read(ref _snapshot);

    /// <summary>Loads the recorded state and the unconfirmed changes from the store, once.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await LoadOnceAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Takes the type's lock (loading first when needed) and publishes what earlier steps left
    /// unconfirmed, so that anything recorded under the lease reaches the bus after it.
    /// </summary>
    /// <returns>The lease; dispose it to release the lock. It tells how many changes the flush published.</returns>
    /// <exception cref="PollFailedException">Publishing the unconfirmed changes failed; the lock is not held.</exception>
    public async Task<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await LoadOnceAsync(cancellationToken);
            var pending = _outbox.Count;
            await _outbox.FlushAsync(cancellationToken);
            return new Lease(_gate, pending);
        }
        catch (Exception)
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>Under a lease: records changes durably, makes them current, then publishes them.</summary>
    /// <exception cref="PollFailedException">Publishing failed; the changes are recorded and stay queued.</exception>
    public async Task RecordAsync(List<EntityChange> changes, CancellationToken cancellationToken)
    {
        await _store.AppendAsync(changes, cancellationToken);
        Volatile.Write(ref _snapshot, Current.Apply(changes));
        _outbox.Add(changes);
        await _outbox.FlushAsync(cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private async Task LoadOnceAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var state = await _store.LoadAsync(_entityType, cancellationToken);
        Volatile.Write(ref _snapshot, state.Snapshot);
        _outbox.Add(state.Unpublished);
        Volatile.Write(ref _loaded, true);
        Log.StateLoaded(_logger, _entityType, state.Snapshot.Revision, state.Snapshot.Entities.Count, state.Unpublished.Count);
    }

    /// <summary>Holds the type's lock until disposed.</summary>
    internal readonly struct Lease(SemaphoreSlim gate, int flushed) : IDisposable
    {
        /// <summary>Gets how many earlier changes were published when the lock was taken.</summary>
        public int Flushed => flushed;

        public void Dispose() => gate.Release();
    }
}
