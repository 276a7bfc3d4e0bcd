using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Core.Tests.Polling;

public class TypeSynchronizerTests
{
    private readonly FakePoller _poller = new();
    private readonly InMemoryChangeStore _store = new();
    private readonly IChangePublisher _publisher = Substitute.For<IChangePublisher>();
    private readonly List<EntityChange> _published = [];
    private bool _brokerDown;

    public TypeSynchronizerTests()
    {
        _publisher.PublishAsync(Arg.Any<IReadOnlyList<EntityChange>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            if (_brokerDown)
            {
                return Task.FromException(new IOException("broker gone"));
            }

            _published.AddRange(call.Arg<IReadOnlyList<EntityChange>>());
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task PollAsync_FirstPoll_PublishesCreatesWithDenseRevisions()
    {
        using var sut = CreateSut();
        AddServers(1500);

        var outcome = await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        Assert.Equal(1500, outcome.Created);
        Assert.Equal(Enumerable.Range(1, 1500).Select(i => (long)i), _published.Select(c => c.Revision));
        Assert.All(_published, c => Assert.Equal(ChangeAction.Create, c.Action));
        Assert.Equal(1500, sut.Current.Revision);
        Assert.Empty((await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished);
    }

    [Fact]
    public async Task PollAsync_NothingChanged_PublishesNothing()
    {
        using var sut = CreateSut();
        AddServers(3);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();

        var outcome = await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        Assert.Empty(_published);
        Assert.Equal((0, 0, 0), (outcome.Created, outcome.Updated, outcome.Deleted));
    }

    [Fact]
    public async Task PollAsync_OnlyVolatileFieldChanged_PublishesNothing()
    {
        using var sut = CreateSut();
        _poller.Entities.Add(("a", """{"id":"a","status":"ACTIVE","updated":"2026-01-01T00:00:00Z"}"""));
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();
        _poller.Entities[0] = ("a", """{"id":"a","status":"ACTIVE","updated":"2026-01-02T00:00:00Z"}""");

        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        Assert.Empty(_published);
    }

    [Fact]
    public async Task PollAsync_UpdateDeleteCreate_ThreeChangesWithNextRevisions()
    {
        using var sut = CreateSut();
        AddServers(3);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();
        _poller.Entities[0] = ("s0000", """{"id":"s0000","status":"SHUTOFF"}""");
        _poller.Entities.RemoveAt(1);
        _poller.Entities.Add(("s9999", """{"id":"s9999","status":"BUILD"}"""));

        await sut.PollAsync(ChangeSource.Sync, CancellationToken.None);

        Assert.Equal(
            [(4L, "s0000", ChangeAction.Update), (5L, "s0001", ChangeAction.Delete), (6L, "s9999", ChangeAction.Create)],
            _published.Select(c => (c.Revision, c.Id, c.Action)));
        Assert.Equal(["status"], _published[0].ChangedFields);
        Assert.All(_published, c => Assert.Equal(ChangeSource.Sync, c.Source));
    }

    [Fact]
    public async Task PollAsync_ListingFailsPartWay_RecordsAndPublishesNothing()
    {
        using var sut = CreateSut();
        AddServers(3);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();
        _poller.Entities.RemoveAt(2);
        _poller.FailAfter = 1;

        await Assert.ThrowsAsync<PollFailedException>(() => sut.PollAsync(ChangeSource.Poll, CancellationToken.None));

        Assert.Empty(_published);
        Assert.Equal(3, sut.Current.Revision);
        Assert.Equal(3, sut.Current.Entities.Count);
        Assert.Equal("failed", sut.Status.LastPollStatus);
        Assert.Contains("page 2 answered 500", sut.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_UnparsableEntity_FailsWithoutChanges()
    {
        using var sut = CreateSut();
        _poller.Entities.Add(("a", """{"id":"a","status":"""));

        await Assert.ThrowsAsync<PollFailedException>(() => sut.PollAsync(ChangeSource.Poll, CancellationToken.None));

        Assert.Empty(_published);
        Assert.Equal(0, sut.Current.Revision);
    }

    [Fact]
    public async Task PollAsync_PublisherFails_ChangesStayQueuedAndGoFirstNextTime()
    {
        using var sut = CreateSut();
        AddServers(2);
        _brokerDown = true;

        await Assert.ThrowsAsync<PollFailedException>(() => sut.PollAsync(ChangeSource.Poll, CancellationToken.None));
        Assert.Equal(2, (await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished.Count);

        _brokerDown = false;
        _poller.Entities.Add(("s0002", """{"id":"s0002"}"""));
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], _published.Select(c => c.Revision));
        Assert.Empty((await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished);
    }

    [Fact]
    public async Task RefreshAsync_ChangedEntity_RecordsAndPublishesUpdateWithNextRevision()
    {
        using var sut = CreateSut();
        AddServers(3);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();

        var change = await sut.RefreshAsync("s0001", Server("s0001", "SHUTOFF"), ChangeSource.Notification, CancellationToken.None);

        Assert.NotNull(change);
        Assert.Equal((4L, ChangeAction.Update, ChangeSource.Notification), (change.Revision, change.Action, change.Source));
        Assert.Equal(["status"], change.ChangedFields);
        Assert.Equal([4L], _published.Select(c => c.Revision));
        Assert.Equal(change.Hash, sut.Current.Entities["s0001"].Hash);
        Assert.Empty((await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished);
    }

    [Fact]
    public async Task RefreshAsync_NotFound_PublishesDeleteCarryingLastState()
    {
        using var sut = CreateSut();
        AddServers(2);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        var change = await sut.RefreshAsync("s0000", null, ChangeSource.Notification, CancellationToken.None);

        Assert.Equal(ChangeAction.Delete, change?.Action);
        Assert.Equal(3, change?.Revision);
        Assert.Contains("\"s0000\"", Encoding.UTF8.GetString(change!.Entity.Span), StringComparison.Ordinal);
        Assert.False(sut.Current.Entities.ContainsKey("s0000"));
    }

    [Fact]
    public async Task RefreshAsync_NothingNew_ReturnsNullAndPublishesNothing()
    {
        using var sut = CreateSut();
        AddServers(1);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();

        var unchanged = await sut.RefreshAsync("s0000", Server("s0000", "ACTIVE", updated: "2027-01-01T00:00:00Z"), ChangeSource.Notification, CancellationToken.None);
        var unknownAndGone = await sut.RefreshAsync("s9999", null, ChangeSource.Notification, CancellationToken.None);

        Assert.Null(unchanged);
        Assert.Null(unknownAndGone);
        Assert.Empty(_published);
        Assert.Equal(1, sut.Current.Revision);
    }

    [Fact]
    public async Task RefreshAsync_RecordOfAnotherEntity_Throws()
    {
        using var sut = CreateSut();

        await Assert.ThrowsAsync<ArgumentException>(() => sut.RefreshAsync("a", Server("b", "ACTIVE"), ChangeSource.Notification, CancellationToken.None));
    }

    [Fact]
    public async Task RefreshAsync_UnparsableEntity_ThrowsAndRecordsNothing()
    {
        using var sut = CreateSut();

        var failure = await Assert.ThrowsAsync<PollFailedException>(
            () => sut.RefreshAsync("a", new EntityRecord("a", Encoding.UTF8.GetBytes("""{"id":""")), ChangeSource.Notification, CancellationToken.None));

        Assert.Contains("nova.instance a", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, sut.Current.Revision);
        Assert.Empty(_published);
    }

    [Fact]
    public async Task PollAsync_RefreshedAfterListingBegan_KeepsRefreshedStateAndRecordsTheRest()
    {
        using var sut = CreateSut();
        AddServers(3);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();
        _poller.Entities[0] = ("s0000", """{"id":"s0000","status":"PAUSED"}""");

        // The listing reads s0001 as ACTIVE, then the push path reads the newer SHUTOFF before the listing records.
        var poll = await StartPausedPollAsync(sut);
        await sut.RefreshAsync("s0001", Server("s0001", "SHUTOFF"), ChangeSource.Notification, CancellationToken.None);
        var outcome = await ResumeAsync(poll);

        Assert.Equal((0, 1, 0), (outcome.Created, outcome.Updated, outcome.Deleted));
        Assert.Equal([(4L, "s0001", ChangeSource.Notification), (5L, "s0000", ChangeSource.Poll)], _published.Select(c => (c.Revision, c.Id, c.Source)));
        Assert.Equal(_published[0].Hash, sut.Current.Entities["s0001"].Hash);
    }

    [Fact]
    public async Task PollAsync_RefreshCreatedEntityDuringListing_DoesNotDeleteIt()
    {
        using var sut = CreateSut();
        AddServers(2);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();

        var poll = await StartPausedPollAsync(sut);
        await sut.RefreshAsync("s9999", Server("s9999", "BUILD"), ChangeSource.Notification, CancellationToken.None);
        var outcome = await ResumeAsync(poll);

        Assert.Equal((0, 0, 0), (outcome.Created, outcome.Updated, outcome.Deleted));
        Assert.Equal([(3L, ChangeAction.Create)], _published.Select(c => (c.Revision, c.Action)));
        Assert.True(sut.Current.Entities.ContainsKey("s9999"));
    }

    [Fact]
    public async Task PollAsync_RefreshDeletedEntityDuringListing_DoesNotListItBack()
    {
        using var sut = CreateSut();
        AddServers(2);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();

        var poll = await StartPausedPollAsync(sut);
        await sut.RefreshAsync("s0001", null, ChangeSource.Notification, CancellationToken.None);
        var outcome = await ResumeAsync(poll);

        Assert.Equal((0, 0, 0), (outcome.Created, outcome.Updated, outcome.Deleted));
        Assert.Equal([(3L, ChangeAction.Delete)], _published.Select(c => (c.Revision, c.Action)));
        Assert.False(sut.Current.Entities.ContainsKey("s0001"));
    }

    [Fact]
    public async Task PollAsync_RefreshFoundNothingNewDuringListing_StillKeepsOlderCopyOut()
    {
        using var sut = CreateSut();
        AddServers(2);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();
        _poller.Entities[1] = ("s0001", """{"id":"s0001","status":"REBOOT"}""");

        // The listing caught a passing REBOOT; the refresh after it reads ACTIVE again, which is no change.
        var poll = await StartPausedPollAsync(sut);
        Assert.Null(await sut.RefreshAsync("s0001", Server("s0001", "ACTIVE"), ChangeSource.Notification, CancellationToken.None));
        await ResumeAsync(poll);

        Assert.Empty(_published);
    }

    [Fact]
    public async Task PollAsync_RefreshBeforeListingBegan_ListingWins()
    {
        using var sut = CreateSut();
        AddServers(2);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _published.Clear();
        await sut.RefreshAsync("s0001", Server("s0001", "SHUTOFF"), ChangeSource.Notification, CancellationToken.None);
        _poller.Entities[1] = ("s0001", """{"id":"s0001","status":"ERROR"}""");

        var outcome = await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        Assert.Equal(1, outcome.Updated);
        Assert.Equal([(3L, ChangeSource.Notification), (4L, ChangeSource.Poll)], _published.Select(c => (c.Revision, c.Source)));
        Assert.Equal(_published[1].Hash, sut.Current.Entities["s0001"].Hash);
    }

    [Fact]
    public async Task PollAsync_AfterAListingThatSawRefreshes_NextListingAppliesNormally()
    {
        using var sut = CreateSut();
        AddServers(2);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        var poll = await StartPausedPollAsync(sut);
        await sut.RefreshAsync("s0001", Server("s0001", "SHUTOFF"), ChangeSource.Notification, CancellationToken.None);
        await ResumeAsync(poll);
        _published.Clear();

        // The cloud still says ACTIVE: a listing that began after the refresh is newer and wins.
        var outcome = await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        Assert.Equal(1, outcome.Updated);
        Assert.Equal([(4L, "s0001")], _published.Select(c => (c.Revision, c.Id)));
    }

    [Fact]
    public async Task PublishPendingAsync_ChangesUnconfirmedBeforeRestart_PublishesThemInOrder()
    {
        AddServers(3);
        _brokerDown = true;
        using (var crashed = CreateSut())
        {
            await Assert.ThrowsAsync<PollFailedException>(() => crashed.PollAsync(ChangeSource.Poll, CancellationToken.None));
        }

        _brokerDown = false;
        using var sut = CreateSut();

        var published = await sut.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(3, published);
        Assert.Equal([1L, 2L, 3L], _published.Select(c => c.Revision));
        Assert.Equal(3, sut.Current.Revision);
        Assert.Empty((await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished);
        Assert.Equal(0, await sut.PublishPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PublishPendingAsync_BrokerStillDown_ThrowsAndKeepsThemQueued()
    {
        AddServers(2);
        _brokerDown = true;
        using var sut = CreateSut();
        await Assert.ThrowsAsync<PollFailedException>(() => sut.PollAsync(ChangeSource.Poll, CancellationToken.None));

        await Assert.ThrowsAsync<PollFailedException>(() => sut.PublishPendingAsync(CancellationToken.None));

        Assert.Equal(2, (await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished.Count);
    }

    [Fact]
    public async Task PollAsync_MoreThanOneBatch_MarksEachConfirmedBatchPublished()
    {
        using var sut = CreateSut();
        AddServers(TypeSynchronizer.PublishBatchSize + 1);
        var batches = new List<int>();
        _publisher.When(p => p.PublishAsync(Arg.Any<IReadOnlyList<EntityChange>>(), Arg.Any<CancellationToken>()))
            .Do(call => batches.Add(call.Arg<IReadOnlyList<EntityChange>>().Count));

        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        Assert.Equal([TypeSynchronizer.PublishBatchSize, 1], batches);
    }

    [Fact]
    public async Task ReadChangesAsync_AfterPolls_ReturnsTheLoggedChanges()
    {
        using var sut = CreateSut();
        AddServers(3);
        await sut.PollAsync(ChangeSource.Poll, CancellationToken.None);

        var page = await sut.ReadChangesAsync(1, 10, CancellationToken.None);

        Assert.Equal([2L, 3L], page.Changes.Select(c => c.Revision));
        Assert.False(page.RevisionGone);
    }

    [Fact]
    public async Task EnsureLoadedAsync_RecordedEarlier_CurrentShowsItWithoutPolling()
    {
        AddServers(2);
        using (var earlier = CreateSut())
        {
            await earlier.PollAsync(ChangeSource.Poll, CancellationToken.None);
        }

        using var sut = CreateSut();
        Assert.Equal(0, sut.Current.Revision);

        await sut.EnsureLoadedAsync(CancellationToken.None);

        Assert.Equal((2L, 2), (sut.Current.Revision, sut.Current.Entities.Count));
    }

    private TypeSynchronizer CreateSut() => new(_poller, _store, _publisher, TimeProvider.System, NullLogger.Instance);

    private static EntityRecord Server(string id, string status, string updated = "2026-01-01T00:00:00Z") =>
        new(id, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","status":"{{status}}","updated":"{{updated}}"}"""));

    /// <summary>Starts a poll whose listing stops after its first entity, and waits until it has.</summary>
    private async Task<Task<PollOutcome>> StartPausedPollAsync(TypeSynchronizer sut)
    {
        _poller.PauseAt = 1;
        var poll = sut.PollAsync(ChangeSource.Poll, CancellationToken.None);
        await _poller.Paused.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return poll;
    }

    private async Task<PollOutcome> ResumeAsync(Task<PollOutcome> poll)
    {
        _poller.Resume.TrySetResult();
        var outcome = await poll.WaitAsync(TimeSpan.FromSeconds(10));
        _poller.PauseAt = null;
        return outcome;
    }

    private void AddServers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"s{i:D4}";
            _poller.Entities.Add((id, $$"""{"id":"{{id}}","status":"ACTIVE"}"""));
        }
    }
}
