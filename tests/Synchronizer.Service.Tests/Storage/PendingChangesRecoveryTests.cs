using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Storage;

namespace Synchronizer.Service.Tests.Storage;

public sealed class PendingChangesRecoveryTests : IDisposable
{
    private readonly InMemoryChangeStore _store = new();
    private readonly IChangePublisher _publisher = Substitute.For<IChangePublisher>();
    private readonly IEntityPoller _poller = Substitute.For<IEntityPoller>();
    private readonly List<long> _published = [];
    private SynchronizationEngine? _engine;

    public PendingChangesRecoveryTests()
    {
        _poller.Descriptor.Returns(new EntityTypeDescriptor("nova.instance", [], TimeSpan.FromMinutes(1)));
        _publisher.PublishAsync(Arg.Any<IReadOnlyList<EntityChange>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            _published.AddRange(call.Arg<IReadOnlyList<EntityChange>>().Select(c => c.Revision));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task StartAsync_UnconfirmedChanges_PublishedInRevisionOrderWithoutPolling()
    {
        await _store.AppendAsync(ChangeStoreContractTests.Creates(1, 3), CancellationToken.None);
        await _store.MarkPublishedAsync("nova.instance", 1, CancellationToken.None);

        await CreateSut().StartAsync(CancellationToken.None);

        Assert.Equal([2L, 3L], _published);
        Assert.Empty((await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished);
        _poller.DidNotReceiveWithAnyArgs().ListAsync(default);
    }

    [Fact]
    public async Task StartAsync_BrokerDown_StartsAnywayAndKeepsThemQueued()
    {
        await _store.AppendAsync(ChangeStoreContractTests.Creates(1, 2), CancellationToken.None);
        _publisher.PublishAsync(Arg.Any<IReadOnlyList<EntityChange>>(), Arg.Any<CancellationToken>()).Returns(Task.FromException(new IOException("broker down")));

        await CreateSut().StartAsync(CancellationToken.None);

        Assert.Equal(2, (await _store.LoadAsync("nova.instance", CancellationToken.None)).Unpublished.Count);
    }

    public void Dispose() => _engine?.Dispose();

    private PendingChangesRecovery CreateSut()
    {
        _engine = new SynchronizationEngine([_poller], _store, _publisher, TimeProvider.System, NullLoggerFactory.Instance);
        return new PendingChangesRecovery(_engine, Options.Create(new DatabaseOptions()), NullLogger<PendingChangesRecovery>.Instance);
    }
}
