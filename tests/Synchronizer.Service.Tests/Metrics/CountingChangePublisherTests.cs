using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.Publishing;
using Synchronizer.Service.Metrics;

namespace Synchronizer.Service.Tests.Metrics;

public sealed class CountingChangePublisherTests : IDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly IChangePublisher _inner = Substitute.For<IChangePublisher, IAsyncDisposable>();
    private readonly MetricsCollector _collector;

    public CountingChangePublisherTests() => _collector = new MetricsCollector(_provider.GetRequiredService<IMeterFactory>());

    public void Dispose()
    {
        _collector.Dispose();
        _provider.Dispose();
    }

    [Fact]
    public async Task PublishAsync_Confirmed_CountsPerEntityType()
    {
        var sut = CreateSut(ownsInner: true);

        await sut.PublishAsync([Change("nova.instance", 1), Change("nova.instance", 2)], CancellationToken.None);

        await _inner.Received(1).PublishAsync(Arg.Any<IReadOnlyList<EntityChange>>(), Arg.Any<CancellationToken>());
        Assert.Equal(2, Published("nova.instance"));
    }

    [Fact]
    public async Task PublishAsync_BrokerFails_CountsNothingAndRethrows()
    {
        _inner.PublishAsync(Arg.Any<IReadOnlyList<EntityChange>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("broker gone"));
        var sut = CreateSut(ownsInner: true);

        await Assert.ThrowsAsync<IOException>(() => sut.PublishAsync([Change("nova.instance", 1)], CancellationToken.None));

        Assert.Equal(0, Published("nova.instance"));
    }

    [Fact]
    public async Task DisposeAsync_OwnsInner_DisposesIt()
    {
        await CreateSut(ownsInner: true).DisposeAsync();

        await ((IAsyncDisposable)_inner).Received(1).DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_DoesNotOwnInner_LeavesIt()
    {
        await CreateSut(ownsInner: false).DisposeAsync();

        await ((IAsyncDisposable)_inner).DidNotReceive().DisposeAsync();
    }

    private static EntityChange Change(string entityType, long revision) =>
        new(entityType, $"id-{revision}", ChangeAction.Create, revision, default(ContentHash), "{}"u8.ToArray(), [], ChangeSource.Poll, DateTimeOffset.UnixEpoch);

    private double Published(string entityType) =>
        _collector.Collect().Single(f => f.Name == "synchronizer_notifications_published_total").Samples
            .Where(s => s.Labels.Contains(new KeyValuePair<string, string>("entity_type", entityType))).Sum(s => s.Value);

    private CountingChangePublisher CreateSut(bool ownsInner) => new(_inner, new SynchronizerMetrics(_provider.GetRequiredService<IMeterFactory>()), ownsInner);
}
