using Microsoft.Extensions.Logging;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Core.Polling;

/// <summary>The synchronizers of every registered entity type, by name.</summary>
public sealed class SynchronizationEngine : IDisposable
{
    private readonly Dictionary<string, TypeSynchronizer> _types = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="SynchronizationEngine"/> class.</summary>
    /// <param name="pollers">One poller per entity type.</param>
    /// <param name="store">The change store.</param>
    /// <param name="publisher">The notification publisher.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggers">Creates a logger per type.</param>
    /// <exception cref="InvalidOperationException">Two pollers claim the same entity type.</exception>
    public SynchronizationEngine(
        IEnumerable<IEntityPoller> pollers, IChangeStore store, IChangePublisher publisher, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(pollers);
        ArgumentNullException.ThrowIfNull(loggers);
        foreach (var poller in pollers)
        {
            var name = poller.Descriptor.Name;
            if (_types.ContainsKey(name))
            {
                throw new InvalidOperationException($"Two plugins provide entity type '{name}'; enable only one of them.");
            }

            _types[name] = new TypeSynchronizer(poller, store, publisher, time, loggers.CreateLogger($"Synchronizer.Core.Polling.TypeSynchronizer[{name}]"));
        }
    }

    /// <summary>Gets every registered type, in name order.</summary>
    public IReadOnlyList<TypeSynchronizer> Types => [.. _types.Values.OrderBy(t => t.Descriptor.Name, StringComparer.Ordinal)];

    /// <summary>Finds the synchronizer of a type.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="synchronizer">The synchronizer, when found.</param>
    /// <returns><see langword="true"/> when the type is registered.</returns>
    public bool TryGet(string entityType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TypeSynchronizer? synchronizer) =>
        _types.TryGetValue(entityType, out synchronizer);

    /// <summary>
    /// Publishes, type by type, the changes recorded before a restart that the broker never confirmed,
    /// oldest first: the service's first step, before any poll.
    /// </summary>
    /// <param name="cancellationToken">Cancels the publishing; what is unconfirmed stays queued.</param>
    /// <returns>How many changes were published.</returns>
    /// <remarks>
    /// A type whose publishing fails is logged and skipped: its changes stay queued, and its next poll
    /// or refresh publishes them before anything newer. A store that cannot be read is not skipped: it throws.
    /// </remarks>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var type in Types)
        {
            try
            {
                published += await type.PublishPendingAsync(cancellationToken);
            }
            catch (PollFailedException)
            {
                // Already logged by the type; its changes go out first on its next poll.
            }
        }

        return published;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var type in _types.Values)
        {
            type.Dispose();
        }
    }
}
