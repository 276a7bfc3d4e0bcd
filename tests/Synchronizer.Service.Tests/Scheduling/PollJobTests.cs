using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;
using Synchronizer.Service.Scheduling;
using Synchronizer.Service.Tests.AdminApi;
using Synchronizer.Service.Tests.Sync;

namespace Synchronizer.Service.Tests.Scheduling;

public sealed class PollJobTests : IAsyncDisposable
{
    private const string Instances = "nova.instance";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly ListPoller _poller = new(Instances);
    private readonly IScheduler _scheduler = Substitute.For<IScheduler>();
    private readonly SyncTestContext _context;
    private double _sample = 0.5;

    public PollJobTests()
    {
        _context = new SyncTestContext([_poller], new Dictionary<string, string?> { ["nova.instance:interval"] = "60", ["nova.instance:retry_interval"] = "10", ["nova.instance:jitter"] = "0.2" });
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task Execute_PollSucceeds_NextPollAfterTheIntervalAndTheTriggerRepeatsAtIt()
    {
        await CreateSut().Execute(Context(retrying: false), CancellationToken.None);

        var next = Rescheduled();
        Assert.Equal(Now + TimeSpan.FromSeconds(60), next.StartTimeUtc);
        Assert.Equal(TimeSpan.FromSeconds(60), next.RepeatInterval);
        Assert.False(PollTrigger.IsRetrying(next));
        Assert.Equal(PollTrigger.KeyFor(Instances), next.Key);
        Assert.Equal(PollTrigger.JobKeyFor(Instances), next.JobKey);
    }

    [Fact]
    public async Task Execute_PollFails_NextPollAfterTheRetryIntervalAndMarkedRetrying()
    {
        _poller.Failure = "Nova answered 503";

        await CreateSut().Execute(Context(retrying: false), CancellationToken.None);

        var next = Rescheduled();
        Assert.Equal(Now + TimeSpan.FromSeconds(10), next.StartTimeUtc);
        Assert.Equal(TimeSpan.FromSeconds(10), next.RepeatInterval);
        Assert.True(PollTrigger.IsRetrying(next));
    }

    [Fact]
    public async Task Execute_SucceedsAfterFailures_BackToTheInterval()
    {
        await CreateSut().Execute(Context(retrying: true), CancellationToken.None);

        var next = Rescheduled();
        Assert.Equal(TimeSpan.FromSeconds(60), next.RepeatInterval);
        Assert.False(PollTrigger.IsRetrying(next));
    }

    [Theory]
    [InlineData(0.0, 48)]
    [InlineData(0.75, 66)]
    public async Task Execute_Jitter_SpreadsTheNextFireTimeAroundTheInterval(double sample, double seconds)
    {
        _sample = sample;

        await CreateSut().Execute(Context(retrying: false), CancellationToken.None);

        Assert.Equal(Now + TimeSpan.FromSeconds(seconds), Rescheduled().StartTimeUtc);
    }

    [Fact]
    public async Task Execute_SchedulerRefusesTheNewTrigger_PollCountsAndTheJobEndsNormally()
    {
        _scheduler.RescheduleJob(Arg.Any<TriggerKey>(), Arg.Any<ITrigger>(), Arg.Any<CancellationToken>())
            .Returns<DateTimeOffset?>(_ => throw new SchedulerException("The Scheduler has been shutdown."));

        await CreateSut().Execute(Context(retrying: false), CancellationToken.None);

        Assert.True(_context.Coordinator.HasSucceeded(Instances));
    }

    [Fact]
    public async Task Execute_UnknownType_NeitherPollsNorReschedules()
    {
        await CreateSut().Execute(Context(retrying: false, entityType: "cinder.volume"), CancellationToken.None);

        Assert.Empty(_scheduler.ReceivedCalls());
    }

    [Fact]
    public void PollJob_NeverRunsTwiceForOneTypeAtOnce()
    {
        Assert.True(Attribute.IsDefined(typeof(PollJob), typeof(DisallowConcurrentExecutionAttribute)));
    }

    private PollJob CreateSut() =>
        new(_context.Coordinator, _context.Types, new PollRescheduler(_context.Configuration, new FixedTimeProvider(Now), () => _sample, NullLogger.Instance), NullLogger.Instance);

    private IJobExecutionContext Context(bool retrying, string entityType = Instances)
    {
        var context = Substitute.For<IJobExecutionContext>();
        context.MergedJobDataMap.Returns(new JobDataMap(new Dictionary<string, object?> { [PollJob.EntityTypeKey] = entityType }));
        context.Trigger.Returns(PollTrigger.Create(entityType, Now, TimeSpan.FromSeconds(60), retrying, new FixedTimeProvider(Now)));
        context.Scheduler.Returns(_scheduler);
        return context;
    }

    private ISimpleTrigger Rescheduled()
    {
        var call = Assert.Single(_scheduler.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(IScheduler.RescheduleJob));
        Assert.Equal(PollTrigger.KeyFor(Instances), call.GetArguments()[0]);
        return Assert.IsAssignableFrom<ISimpleTrigger>(call.GetArguments()[1]);
    }
}
