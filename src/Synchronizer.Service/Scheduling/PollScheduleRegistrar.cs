using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Synchronizer.Core.Polling;

namespace Synchronizer.Service.Scheduling;

/// <summary>
/// Schedules one poll job and trigger per enabled entity type, each polling once at start-up; after
/// that each poll schedules the next (<see cref="PollRescheduler"/>).
/// </summary>
internal sealed class PollScheduleRegistrar : IHostedService
{
    private readonly ISchedulerFactory _schedulers;
    private readonly SynchronizationEngine _engine;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILogger<PollScheduleRegistrar> _logger;

    public PollScheduleRegistrar(ISchedulerFactory schedulers, SynchronizationEngine engine, IConfiguration configuration, TimeProvider time, ILogger<PollScheduleRegistrar> logger)
    {
        _schedulers = schedulers;
        _engine = engine;
        _configuration = configuration;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken);
        foreach (var type in _engine.Types)
        {
            var polling = PollingOptions.Read(_configuration, type.Descriptor);
            var name = type.Descriptor.Name;
            if (!polling.Enabled)
            {
                Log.TypeDisabled(_logger, name);
                continue;
            }

            var job = JobBuilder.Create<PollJob>()
                .WithIdentity(PollTrigger.JobKeyFor(name))
                .UsingJobData(PollJob.EntityTypeKey, name)
                .Build();

            // The first poll starts at once, without jitter: consumers wait for it (readiness).
            var trigger = PollTrigger.Create(name, _time.GetUtcNow(), polling.Interval, retrying: false, _time);
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
            var seconds = (long)polling.Interval.TotalSeconds;
            Log.TypeScheduled(_logger, name, seconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
