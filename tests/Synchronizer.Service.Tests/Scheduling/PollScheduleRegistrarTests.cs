using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;
using Synchronizer.Service.Scheduling;
using Synchronizer.Service.Tests.AdminApi;
using Synchronizer.Service.Tests.Sync;

namespace Synchronizer.Service.Tests.Scheduling;

public sealed class PollScheduleRegistrarTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly IScheduler _scheduler = Substitute.For<IScheduler>();
    private readonly ISchedulerFactory _schedulers = Substitute.For<ISchedulerFactory>();
    private readonly SyncTestContext _context = new(
        [new ListPoller("nova.instance"), new ListPoller("nova.zone")],
        new Dictionary<string, string?> { ["nova.instance:interval"] = "30", ["nova.zone:enabled"] = "false" });

    public PollScheduleRegistrarTests()
    {
        _schedulers.GetScheduler(Arg.Any<CancellationToken>()).Returns(_scheduler);
    }

    [Fact]
    public async Task StartAsync_EnabledType_OneJobWhoseTriggerFiresNowThenEveryInterval()
    {
        await CreateSut().StartAsync(CancellationToken.None);

        var call = Assert.Single(_scheduler.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(IScheduler.ScheduleJob));
        var job = Assert.IsAssignableFrom<IJobDetail>(call.GetArguments()[0]);
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(Assert.IsAssignableFrom<IReadOnlyCollection<ITrigger>>(call.GetArguments()[1])));
        Assert.Equal(PollTrigger.JobKeyFor("nova.instance"), job.Key);
        Assert.Equal(typeof(PollJob), job.JobType.Type);
        Assert.Equal("nova.instance", job.JobDataMap[PollJob.EntityTypeKey]);
        Assert.Equal(Now, trigger.StartTimeUtc);
        Assert.Equal(TimeSpan.FromSeconds(30), trigger.RepeatInterval);
        Assert.False(PollTrigger.IsRetrying(trigger));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private PollScheduleRegistrar CreateSut() =>
        new(_schedulers, _context.Engine, _context.Configuration, new FixedTimeProvider(Now), NullLogger<PollScheduleRegistrar>.Instance);
}
