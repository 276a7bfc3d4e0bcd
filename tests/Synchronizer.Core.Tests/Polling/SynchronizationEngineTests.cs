using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Tests.Polling;

public class SynchronizationEngineTests
{
    private readonly InMemoryChangeStore _store = new();
    private readonly IChangePublisher _publisher = Substitute.For<IChangePublisher>();
    private readonly List<EntityChange> _published = [];
    private readonly HashSet<string> _failingTypes = new(StringComparer.Ordinal);

    public SynchronizationEngineTests()
    {
        _publisher.PublishAsync(Arg.Any<IReadOnlyList<EntityChange>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var changes = call.Arg<IReadOnlyList<EntityChange>>();
            if (_failingTypes.Contains(changes[0].EntityType))
            {
                return Task.FromException(new IOException("broker gone"));
            }

            _published.AddRange(changes);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task PublishPendingAsync_UnconfirmedChangesOfSeveralTypes_PublishesEachInRevisionOrder()
    {
        await _store.AppendAsync([Change("nova.instance", 1), Change("nova.instance", 2)], CancellationToken.None);
        await _store.AppendAsync([Change("cinder.volume", 1)], CancellationToken.None);
        using var sut = CreateSut("nova.instance", "cinder.volume");

        var published = await sut.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(3, published);
        Assert.Equal([("cinder.volume", 1L), ("nova.instance", 1L), ("nova.instance", 2L)], _published.Select(c => (c.EntityType, c.Revision)));
    }

    [Fact]
    public async Task PublishPendingAsync_OneTypeFails_OthersStillGoOutAndItsStayQueued()
    {
        await _store.AppendAsync([Change("nova.instance", 1)], CancellationToken.None);
        await _store.AppendAsync([Change("cinder.volume", 1)], CancellationToken.None);
        _failingTypes.Add("cinder.volume");
        using var sut = CreateSut("nova.instance", "cinder.volume");

        var published = await sut.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(1, published);
        Assert.Equal(["nova.instance"], _published.Select(c => c.EntityType));
        Assert.Single((await _store.LoadAsync("cinder.volume", CancellationToken.None)).Unpublished);
    }

    [Fact]
    public void Constructor_TwoPollersOfOneType_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => CreateSut("nova.instance", "nova.instance"));
    }

    private SynchronizationEngine CreateSut(params string[] types) =>
        new(types.Select(t => new FakePoller(t)), _store, _publisher, TimeProvider.System, NullLoggerFactory.Instance);

    private static EntityChange Change(string type, long revision) =>
        State.TypeSnapshotTests.Change($"e{revision}", ChangeAction.Create, revision, type);
}
