using Microsoft.Extensions.Logging;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Polling;

/// <summary>
/// The recorded changes of one type that the broker has not confirmed yet, published in revision
/// order, in batches, each marked published in the store once confirmed.
/// </summary>
/// <remarks>Not thread-safe: the owning <see cref="TypeSynchronizer"/> calls it under its gate.</remarks>
internal sealed class ChangeOutbox
{
    private readonly string _entityType;
    private readonly IChangeStore _store;
    private readonly IChangePublisher _publisher;
    private readonly ILogger _logger;
    private readonly List<EntityChange> _pending = [];

    public ChangeOutbox(string entityType, IChangeStore store, IChangePublisher publisher, ILogger logger)
    {
        _entityType = entityType;
        _store = store;
        _publisher = publisher;
        _logger = logger;
    }

    public int Count => _pending.Count;

    public void Add(IEnumerable<EntityChange> changes) => _pending.AddRange(changes);

    /// <summary>Publishes every pending change; a batch that fails stays pending, with all after it.</summary>
    /// <exception cref="PollFailedException">The broker failed or did not confirm a batch.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_pending.Count > 0)
        {
            var batch = _pending.GetRange(0, Math.Min(TypeSynchronizer.PublishBatchSize, _pending.Count));
            try
            {
                await _publisher.PublishAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.PublishFailed(_logger, _entityType, _pending.Count, ex.Message);
                throw new PollFailedException($"Publishing {_pending.Count} recorded changes failed (they stay queued): {ex.Message}", ex);
            }

            // A crash between the confirm and this mark re-publishes the batch: at least once, never lost.
            await _store.MarkPublishedAsync(_entityType, batch[^1].Revision, cancellationToken);
            _pending.RemoveRange(0, batch.Count);
        }
    }
}
