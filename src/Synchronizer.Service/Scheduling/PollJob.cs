using Quartz;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;

namespace Synchronizer.Service.Scheduling;

/// <summary>
/// The one polling job. Quartz never runs two instances with the same key at once, and there is one
/// key per entity type, so a slow API never overlaps two polls of one type.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollJob : IJob
{
    public const string EntityTypeKey = "entity_type";

    private readonly SynchronizationEngine _engine;

    public PollJob(SynchronizationEngine engine) => _engine = engine;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entityType = context.MergedJobDataMap.GetString(EntityTypeKey);
        if (entityType is null || !_engine.TryGet(entityType, out var synchronizer))
        {
            return;
        }

        try
        {
            await synchronizer.PollAsync(ChangeSource.Poll, cancellationToken);
        }
        catch (PollFailedException)
        {
            // Already logged and recorded in the type's status; the next trigger tries again.
        }
    }
}
