using Synchronizer.Core.Changes;
using Synchronizer.Core.Publishing;

namespace Synchronizer.Service.Metrics;

/// <summary>
/// Wraps the registered <see cref="IChangePublisher"/> and counts the notifications the broker
/// confirmed, so that neither Core nor Messaging needs to know about metrics.
/// </summary>
internal sealed class CountingChangePublisher : IChangePublisher, IAsyncDisposable
{
    private readonly IChangePublisher _inner;
    private readonly SynchronizerMetrics _metrics;
    private readonly bool _ownsInner;

    /// <summary>Initializes a new instance of the <see cref="CountingChangePublisher"/> class.</summary>
    /// <param name="inner">The publisher that talks to the broker.</param>
    /// <param name="metrics">Where the counts go.</param>
    /// <param name="ownsInner">Whether disposing this disposes <paramref name="inner"/> (the container does not track what a factory creates).</param>
    public CountingChangePublisher(IChangePublisher inner, SynchronizerMetrics metrics, bool ownsInner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(metrics);
        _inner = inner;
        _metrics = metrics;
        _ownsInner = ownsInner;
    }

    public async Task PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await _inner.PublishAsync(changes, cancellationToken);

        // Counted only once the broker confirmed them: a failed batch is published again later.
        foreach (var type in changes.GroupBy(c => c.EntityType, StringComparer.Ordinal))
        {
            _metrics.RecordPublished(type.Key, type.Count());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ownsInner)
        {
            return;
        }

        switch (_inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
