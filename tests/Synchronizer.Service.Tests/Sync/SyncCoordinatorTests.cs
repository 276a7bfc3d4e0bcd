using NSubstitute;
using Synchronizer.Core.Changes;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Tests.Sync;

public sealed class SyncCoordinatorTests : IAsyncLifetime
{
    private const string Instances = "nova.instance";
    private const string Volumes = "cinder.volume";
    private readonly GatedPoller _poller = new(Instances);
    private readonly GatedPoller _volumes = new(Volumes);
    private SyncTestContext _context = null!;

    private SyncCoordinator Sut => _context.Coordinator;

    public Task InitializeAsync()
    {
        _context = CreateSut();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task SyncAsync_NoPollRunning_StartsOnePollAndReportsItsCounts()
    {
        _poller.Entities.Add(("a", """{"id":"a"}"""));
        _poller.Entities.Add(("b", """{"id":"b"}"""));

        var sync = Sut.SyncAsync(Instances, CancellationToken.None);
        (await _poller.NextListingAsync()).Complete();
        var result = await sync.Within();

        Assert.Equal(new SyncResult(Instances, SyncStatus.Ok, null, 2, 2, 0, 0, result.DurationMs), result);
        Assert.NotNull(result.DurationMs);
        Assert.Equal(1, _poller.Calls);
        await _context.Publisher.Received(1).PublishAsync(Arg.Is<IReadOnlyList<EntityChange>>(c => c.All(x => x.Source == ChangeSource.Sync)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SyncAsync_WhilePeriodicPollRuns_WaitsAndNeverRunsAlongsideIt()
    {
        var periodic = Sut.PollAsync(Instances, CancellationToken.None);
        var first = await _poller.NextListingAsync();

        var onDemand = Sut.SyncAsync(Instances, CancellationToken.None);

        Assert.Equal(1, _poller.Calls);
        Assert.False(onDemand.IsCompleted);
        first.Complete();
        var periodicResult = await periodic.Within();
        var second = await _poller.NextListingAsync();
        Assert.False(onDemand.IsCompleted);
        second.Complete();
        var onDemandResult = await onDemand.Within();

        Assert.Equal(SyncStatus.Ok, periodicResult.Status);
        Assert.Equal(SyncStatus.Ok, onDemandResult.Status);
        Assert.Equal(2, _poller.Calls);
        Assert.Equal(1, _poller.MaxActive);
    }

    [Fact]
    public async Task SyncAsync_ConcurrentRequestsWhileAPollRuns_CoalesceIntoOneNextPoll()
    {
        var running = Sut.SyncAsync(Instances, CancellationToken.None);
        var first = await _poller.NextListingAsync();

        var waiting = Enumerable.Range(0, 5).Select(_ => Sut.SyncAsync(Instances, CancellationToken.None)).ToArray();
        var periodic = Sut.PollAsync(Instances, CancellationToken.None);

        Assert.Equal(1, _poller.Calls);
        first.Complete();
        var firstResult = await running.Within();
        Assert.Same(firstResult, await periodic.Within());
        _poller.Entities.Add(("late", """{"id":"late"}"""));
        (await _poller.NextListingAsync()).Complete();
        var joined = await Task.WhenAll(waiting).Within();

        Assert.Equal(2, _poller.Calls);
        Assert.Equal(1, _poller.MaxActive);
        Assert.All(joined, r => Assert.Same(joined[0], r));
        Assert.Equal(0, firstResult.Created);
        Assert.Equal(1, joined[0].Created);
        Assert.False(_poller.HasUntakenListing);
    }

    [Fact]
    public async Task PollAsync_WhileOnDemandPollRuns_JoinsItInsteadOfPollingAgain()
    {
        var onDemand = Sut.SyncAsync(Instances, CancellationToken.None);
        var listing = await _poller.NextListingAsync();

        var periodic = Sut.PollAsync(Instances, CancellationToken.None);
        listing.Complete();

        Assert.Same(await onDemand.Within(), await periodic.Within());
        Assert.Equal(1, _poller.Calls);
    }

    [Fact]
    public async Task SyncAsync_TwoTypes_PollIndependently()
    {
        var instances = Sut.SyncAsync(Instances, CancellationToken.None);
        var volumes = Sut.SyncAsync(Volumes, CancellationToken.None);
        var instanceListing = await _poller.NextListingAsync();
        var volumeListing = await _volumes.NextListingAsync();

        volumeListing.Complete();
        Assert.Equal(SyncStatus.Ok, (await volumes.Within()).Status);
        Assert.False(instances.IsCompleted);
        instanceListing.Complete();

        Assert.Equal(SyncStatus.Ok, (await instances.Within()).Status);
    }

    [Fact]
    public async Task SyncAsync_PollFails_ReturnsFailedWithTheErrorAndTheUnchangedRevision()
    {
        var sync = Sut.SyncAsync(Instances, CancellationToken.None);
        (await _poller.NextListingAsync()).Fail("page 2 answered 500");
        var result = await sync.Within();

        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.Contains("page 2 answered 500", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, result.Revision);
        Assert.Null(result.Created);
        Assert.NotNull(result.DurationMs);
        Assert.False(Sut.HasSucceeded(Instances));
    }

    [Fact]
    public async Task SyncAsync_AfterAFailedPoll_StartsAFreshPoll()
    {
        var failed = Sut.SyncAsync(Instances, CancellationToken.None);
        (await _poller.NextListingAsync()).Fail("boom");
        await failed.Within();

        var retry = Sut.SyncAsync(Instances, CancellationToken.None);
        (await _poller.NextListingAsync()).Complete();

        Assert.Equal(SyncStatus.Ok, (await retry.Within()).Status);
        Assert.True(Sut.HasSucceeded(Instances));
    }

    [Fact]
    public async Task SyncAsync_CallerWhoStartedThePollCancelsItsWait_PollGoesOnForTheOthers()
    {
        using var impatient = new CancellationTokenSource();
        var cancelled = Sut.SyncAsync(Instances, impatient.Token);
        var listing = await _poller.NextListingAsync();
        var joined = Sut.PollAsync(Instances, CancellationToken.None);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(listing.Token.IsCancellationRequested);
        listing.Complete();

        Assert.Equal(SyncStatus.Ok, (await joined.Within()).Status);
        Assert.Equal(1, _poller.Calls);
    }

    [Fact]
    public async Task PollAsync_JobCancelsThePollItStarted_PollIsCancelled()
    {
        using var job = new CancellationTokenSource();
        var periodic = Sut.PollAsync(Instances, job.Token);
        var listing = await _poller.NextListingAsync();

        await job.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => periodic);
        Assert.True(listing.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Queue_NoPollRunning_AnswersQueuedAtOnceAndPollsWithoutTheCaller()
    {
        var result = Sut.Queue(Instances);
        var listing = await _poller.NextListingAsync();

        Assert.Equal(SyncResult.Queued(Instances, 0), result);
        var joined = Sut.PollAsync(Instances, CancellationToken.None);
        listing.Complete();
        Assert.Equal(SyncStatus.Ok, (await joined.Within()).Status);
        Assert.Equal(1, _poller.Calls);
    }

    [Fact]
    public async Task SyncAllAsync_Wait_ReportsEveryTypeIncludingFailures()
    {
        var all = Sut.SyncAllAsync(wait: true, CancellationToken.None);
        (await _poller.NextListingAsync()).Fail("nova is down");
        (await _volumes.NextListingAsync()).Complete();
        var results = await all.Within();

        Assert.Equal([Volumes, Instances], results.Select(r => r.EntityType));
        Assert.Equal([SyncStatus.Ok, SyncStatus.Failed], results.Select(r => r.Status));
        Assert.Contains("nova is down", results[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_UnknownType_ThrowsNamingTheKnownTypes()
    {
        var ex = await Assert.ThrowsAsync<UnknownEntityTypeException>(() => Sut.SyncAsync("nova.nothing", CancellationToken.None));

        Assert.Contains("'nova.nothing'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cinder.volume, nova.instance", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_DisabledType_ThrowsNamingTheKeyToSet()
    {
        await using var context = new SyncTestContext([new GatedPoller(Instances)], new Dictionary<string, string?> { ["nova.instance:enabled"] = "false" });

        var ex = await Assert.ThrowsAsync<UnknownEntityTypeException>(() => context.Coordinator.SyncAsync(Instances, CancellationToken.None));

        Assert.Contains("[nova.instance] enabled = true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_PollRunning_CancelsItAndWaitsForIt()
    {
        var sync = Sut.SyncAsync(Instances, CancellationToken.None);
        var listing = await _poller.NextListingAsync();

        await Sut.DisposeAsync();

        Assert.True(listing.Token.IsCancellationRequested);
        Assert.True(sync.IsCanceled);
    }

    private SyncTestContext CreateSut() => new([_poller, _volumes]);
}
