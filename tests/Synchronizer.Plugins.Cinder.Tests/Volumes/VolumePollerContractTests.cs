using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Cinder.Tests.Volumes;

/// <summary>The poller contract, on Cinder's recorded pages.</summary>
public sealed class VolumePollerContractTests : EntityPollerContractTests, IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    protected override string EntityType => CinderEntityTypes.Volume;

    protected override IEnumerable<NotificationSample> NotificationSamples =>
    [
        NotificationSample.FromMessage(FixtureFiles.Read("notification.volume.create.end.json"), "cb49b381-9012-40cb-b8ee-80c19a4801b5"),
        NotificationSample.FromMessage(FixtureFiles.Read("notification.volume.delete.end.json"), "cb49b381-9012-40cb-b8ee-80c19a4801b5"),
        NotificationSample.FromMessage(FixtureFiles.Read("wire.volume.create.end.json"), "cb49b381-9012-40cb-b8ee-80c19a4801b5"),
    ];

    protected override Task<PollerUnderTest> CreatePopulatedAsync() =>
        Task.FromResult(new PollerUnderTest(Create(CinderFixtures.Client()), CinderFixtures.Ids) { PageSize = 1 });

    protected override Task<IEntityPoller> CreateEmptyAsync() => Task.FromResult(Create(CinderFixtures.Empty()));

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
        var host = PluginTestHost.Create(b => b.AddCinder(), new Dictionary<string, string?> { ["cinder:page_size"] = "1" }, client);
        _hosts.Add(host);
        return host.Poller(CinderEntityTypes.Volume);
    }
}
