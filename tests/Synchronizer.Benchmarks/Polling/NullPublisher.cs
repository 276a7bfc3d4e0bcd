using Synchronizer.Core.Changes;
using Synchronizer.Core.Publishing;

namespace Synchronizer.Benchmarks.Polling;

/// <summary>Counts changes instead of publishing them, so the poll benchmark measures polling alone.</summary>
internal sealed class NullPublisher : IChangePublisher
{
    public long Published { get; private set; }

    public Task PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        Published += changes.Count;
        return Task.CompletedTask;
    }
}
