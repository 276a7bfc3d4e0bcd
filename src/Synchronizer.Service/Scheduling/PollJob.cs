using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Scheduling;

/// <summary>
/// The one polling job. It polls through the <see cref="SyncCoordinator"/>, so a periodic poll and an
/// on-demand sync of one type never run at once; Quartz never runs two instances of one key at once.
/// After the poll it schedules the next one (<see cref="PollRescheduler"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollJob : IJob
{
    public const string EntityTypeKey = "entity_type";

    private readonly SyncCoordinator _coordinator;
    private readonly EnabledTypes _types;
    private readonly PollRescheduler _rescheduler;
    private readonly ILogger _logger;

    public PollJob(SyncCoordinator coordinator, EnabledTypes types, IConfiguration configuration, TimeProvider time, ILogger<PollJob> logger)
        : this(coordinator, types, new PollRescheduler(configuration, time, Random.Shared.NextDouble, logger), logger)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PollJob"/> class with its rescheduler, for tests.</summary>
    internal PollJob(SyncCoordinator coordinator, EnabledTypes types, PollRescheduler rescheduler, ILogger logger)
    {
        _coordinator = coordinator;
        _types = types;
        _rescheduler = rescheduler;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entityType = context.MergedJobDataMap.GetString(EntityTypeKey);
        if (entityType is null || !_types.TryGet(entityType, out var type))
        {
            return;
        }

        var failed = await PollAsync(entityType, cancellationToken);
        await _rescheduler.RescheduleAsync(context, type.Descriptor, failed, cancellationToken);
    }

    // Tells whether the poll failed. A failed poll comes back as a result (already logged, and kept for
    // list_types); anything else that escapes the coordinator counts as a failure too, so the type is
    // retried soon instead of the job failing. Only the shutdown's cancellation ends the job.
    private async Task<bool> PollAsync(string entityType, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _coordinator.PollAsync(entityType, cancellationToken);
            return result.Status == SyncStatus.Failed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SchedulingLog.PollJobFailed(_logger, entityType, ex);
            return true;
        }
    }
}
