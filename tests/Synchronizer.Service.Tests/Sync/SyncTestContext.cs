using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Tests.Sync;

/// <summary>A real engine over the test's pollers, with the pieces the coordinator needs.</summary>
internal sealed class SyncTestContext : IAsyncDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public SyncTestContext(IEnumerable<IEntityPoller> pollers, IDictionary<string, string?>? settings = null)
    {
        Publisher = Substitute.For<IChangePublisher>();
        Engine = new SynchronizationEngine(pollers, new InMemoryChangeStore(), Publisher, TimeProvider.System, NullLoggerFactory.Instance);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        Types = new EnabledTypes(Engine, Configuration);
        MeterFactory = _meters.GetRequiredService<IMeterFactory>();
        Collector = new MetricsCollector(MeterFactory);
        Metrics = new SynchronizerMetrics(MeterFactory);
        Coordinator = new SyncCoordinator(Types, Metrics, TimeProvider.System, NullLogger<SyncCoordinator>.Instance);
    }

    public IChangePublisher Publisher { get; }

    public SynchronizationEngine Engine { get; }

    public IConfiguration Configuration { get; }

    public EnabledTypes Types { get; }

    public IMeterFactory MeterFactory { get; }

    public MetricsCollector Collector { get; }

    public SynchronizerMetrics Metrics { get; }

    public SyncCoordinator Coordinator { get; }

    public async ValueTask DisposeAsync()
    {
        await Coordinator.DisposeAsync();
        Collector.Dispose();
        Engine.Dispose();
        await _meters.DisposeAsync();
    }
}
