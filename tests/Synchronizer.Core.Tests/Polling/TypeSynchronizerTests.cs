using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;

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

    private TypeSynchronizer CreateSut() => new(_poller, _store, _publisher, TimeProvider.System, NullLogger.Instance);

    private void AddServers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"s{i:D4}";
            _poller.Entities.Add((id, $$"""{"id":"{{id}}","status":"ACTIVE"}"""));
        }
    }
}
