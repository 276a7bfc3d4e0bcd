using Microsoft.Extensions.Logging;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Messaging.Listening;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.PushPath;

/// <summary>
/// The push path (CONTRACT §7): for a notification of OpenStack's, re-reads each entity it names from
/// the API and records the result through the type's <see cref="TypeSynchronizer.RefreshAsync"/> (a
/// missing entity is recorded as deleted), so consumers see the change at once.
/// </summary>
/// <remarks>
/// Only enabled types whose poller is both an <see cref="INotificationMapper"/> and an
/// <see cref="IEntityFetcher"/> take part; a notification of service <c>nova</c> goes to the
/// <c>nova.*</c> types that understand its event type. The payload only names the ids: it is never
/// stored as the entity's state.
/// </remarks>
internal sealed class PushPathHandler : IOpenStackNotificationHandler
{
    private readonly IReadOnlyList<PushTarget> _targets;
    private readonly SynchronizerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<PushPathHandler> _logger;

    public PushPathHandler(
        EnabledTypes enabled,
        SynchronizationEngine engine,
        IEnumerable<IEntityPoller> pollers,
        SynchronizerMetrics metrics,
        TimeProvider time,
        ILogger<PushPathHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(pollers);
        var byName = new Dictionary<string, IEntityPoller>(StringComparer.Ordinal);
        foreach (var poller in pollers)
        {
            byName.TryAdd(poller.Descriptor.Name, poller);
        }

        var targets = new List<PushTarget>();
        foreach (var type in enabled.All)
        {
            var name = type.Descriptor.Name;
            if (byName.TryGetValue(name, out var poller)
                && poller is INotificationMapper mapper
                && poller is IEntityFetcher fetcher
                && engine.TryGet(name, out var synchronizer))
            {
                targets.Add(new PushTarget(name, name[..name.IndexOf('.', StringComparison.Ordinal)], mapper, fetcher, synchronizer));
            }
        }

        _targets = targets;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the entity types the push path refreshes, in name order.</summary>
    public IReadOnlyList<string> EntityTypes => [.. _targets.Select(t => t.EntityType)];

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Some refreshes failed (each is logged); the next poll catches up.</exception>
    public async Task HandleAsync(OpenStackNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var failed = 0;
        foreach (var target in _targets)
        {
            if (!string.Equals(target.Service, notification.Source.Service, StringComparison.Ordinal) || !target.Mapper.Understands(notification.EventType))
            {
                continue;
            }

            foreach (var id in target.Mapper.EntityIds(notification.EventType, notification.Payload).Distinct(StringComparer.Ordinal))
            {
                if (!await RefreshAsync(target, id, notification, cancellationToken))
                {
                    failed++;
                }
            }
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} refresh(es) on {notification.EventType} failed; the next poll catches up.");
        }
    }

    private async Task<bool> RefreshAsync(PushTarget target, string id, OpenStackNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            var record = await target.Fetcher.GetAsync(id, cancellationToken);
            var change = await target.Synchronizer.RefreshAsync(id, record, ChangeSource.Notification, cancellationToken);
            if (notification.Timestamp is { } sent)
            {
                _metrics.RecordPushLag(target.EntityType, _time.GetUtcNow() - sent);
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var outcome = change is null ? "unchanged" : $"{change.Action.ToString().ToLowerInvariant()} at revision {change.Revision}";
                PushPathLog.Refreshed(_logger, notification.EventType, notification.Source.Exchange, target.EntityType, id, outcome);
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            PushPathLog.RefreshFailed(_logger, target.EntityType, id, notification.EventType, ex.Message);
            return false;
        }
    }

    private sealed record PushTarget(string EntityType, string Service, INotificationMapper Mapper, IEntityFetcher Fetcher, TypeSynchronizer Synchronizer);
}
