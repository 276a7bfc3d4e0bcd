using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Scheduling;

/// <summary>
/// After each poll, replaces the type's trigger so that the next poll starts after a freshly drawn
/// wait: the interval after a success, the retry interval after a failure, each spread by the jitter.
/// </summary>
/// <remarks>
/// A fresh draw per poll, rather than one offset at start-up, keeps instances that were started
/// together from settling into the same phase. Replacing the trigger of the running job is safe:
/// <see cref="DisallowConcurrentExecutionAttribute"/> holds the new trigger until this poll ends.
/// </remarks>
internal sealed class PollRescheduler
{
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly Func<double> _sample;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="PollRescheduler"/> class.</summary>
    /// <param name="configuration">The whole configuration, holding one section per type.</param>
    /// <param name="time">The clock Quartz runs on.</param>
    /// <param name="sample">Draws the jitter, uniform in [0, 1).</param>
    /// <param name="logger">The logger.</param>
    public PollRescheduler(IConfiguration configuration, TimeProvider time, Func<double> sample, ILogger logger)
    {
        _configuration = configuration;
        _time = time;
        _sample = sample;
        _logger = logger;
    }

    /// <summary>Schedules the next poll of the type whose job is running in <paramref name="context"/>.</summary>
    /// <param name="context">The running poll job.</param>
    /// <param name="descriptor">The type.</param>
    /// <param name="failed">Whether the poll that just ended failed.</param>
    /// <param name="cancellationToken">The job's token.</param>
    /// <returns>A task that completes when the trigger is replaced.</returns>
    public async Task RescheduleAsync(IJobExecutionContext context, EntityTypeDescriptor descriptor, bool failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(descriptor);
        var name = descriptor.Name;
        var polling = PollingOptions.Read(_configuration, descriptor);
        var delay = PollDelay.Next(polling, failed, _sample());
        var trigger = PollTrigger.Create(name, _time.GetUtcNow() + delay, PollDelay.Period(polling, failed), failed, _time);
        try
        {
            await context.Scheduler.RescheduleJob(PollTrigger.KeyFor(name), trigger, cancellationToken);
        }
        catch (SchedulerException ex)
        {
            // The scheduler is shutting down, or its store refused: the old trigger keeps repeating.
            SchedulingLog.RescheduleFailed(_logger, name, ex);
            return;
        }

        var delayMs = (long)delay.TotalMilliseconds;
        SchedulingLog.NextPoll(_logger, name, delayMs);
        var wasRetrying = PollTrigger.IsRetrying(context.Trigger);
        if (failed && !wasRetrying)
        {
            var retrySeconds = (long)polling.RetryInterval.TotalSeconds;
            SchedulingLog.Retrying(_logger, name, retrySeconds);
        }
        else if (!failed && wasRetrying)
        {
            var intervalSeconds = (long)polling.Interval.TotalSeconds;
            SchedulingLog.Recovered(_logger, name, intervalSeconds);
        }
    }
}
