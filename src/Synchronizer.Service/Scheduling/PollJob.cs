using Quartz;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Scheduling;

/// <summary>
/// The one polling job. It polls through the <see cref="SyncCoordinator"/>, so a periodic poll and an
/// on-demand sync of one type never run at once; Quartz never runs two instances of one key at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollJob : IJob
{
    public const string EntityTypeKey = "entity_type";

    private readonly SyncCoordinator _coordinator;
    private readonly EnabledTypes _types;

    public PollJob(SyncCoordinator coordinator, EnabledTypes types)
    {
        _coordinator = coordinator;
        _types = types;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entityType = context.MergedJobDataMap.GetString(EntityTypeKey);
        if (entityType is null || !_types.TryGet(entityType, out _))
        {
            return;
        }

        // A failed poll comes back as a result (already logged, and kept for list_types); the next trigger tries again.
        await _coordinator.PollAsync(entityType, cancellationToken);
    }
}
