using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Nova.Tests.Zones;

/// <summary>The poller contract, on nova's recorded zone list (one unpaged call).</summary>
public sealed class ZonePollerContractTests : EntityPollerContractTests, IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    protected override string EntityType => NovaEntityTypes.Zone;

    protected override string UnknownId => "no-such-zone";

    protected override IEnumerable<NotificationSample> NotificationSamples =>
    [
        NotificationSample.FromMessage(FixtureFiles.Read("notification.aggregate.update_metadata.start.json"), "nova"),
        NotificationSample.FromMessage(FixtureFiles.Read("notification.aggregate.update_metadata.end.json"), "AZ-1"),
    ];

    protected override Task<PollerUnderTest> CreatePopulatedAsync() =>
        Task.FromResult(new PollerUnderTest(Create(NovaFixtures.Client()), ["internal", "nova"]));

    protected override Task<IEntityPoller> CreateEmptyAsync() => Task.FromResult(Create(NovaFixtures.Empty()));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private IEntityPoller Create(FixtureOpenStackClient client)
    {
        var host = NovaFixtures.Host(client);
        _hosts.Add(host);
        return host.Poller(NovaEntityTypes.Zone);
    }
}
