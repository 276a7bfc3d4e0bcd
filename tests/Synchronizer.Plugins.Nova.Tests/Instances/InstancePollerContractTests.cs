using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Nova.Tests.Instances;

/// <summary>The poller contract, on nova's recorded server pages.</summary>
public sealed class InstancePollerContractTests : EntityPollerContractTests, IAsyncLifetime
{
    private const string SampleUuid = "178b0921-8f85-4257-88b6-2e743b5a975c";

    private readonly List<PluginTestHost> _hosts = [];

    protected override string EntityType => NovaEntityTypes.Instance;

    protected override IEnumerable<NotificationSample> NotificationSamples =>
    [
        NotificationSample.FromMessage(FixtureFiles.Read("notification.instance.update.json"), SampleUuid),
        NotificationSample.FromMessage(FixtureFiles.Read("notification.instance.delete.end.json"), SampleUuid),
        NotificationSample.FromMessage(FixtureFiles.Read("wire.instance.update.json"), SampleUuid),
        NotificationSample.FromMessage(FixtureFiles.Read("notification.compute.instance.create.end.json"), "9f9d01b9-4a58-4271-9e27-398b21ab20d1"),
    ];

    protected override Task<PollerUnderTest> CreatePopulatedAsync() =>
        Task.FromResult(new PollerUnderTest(Create(NovaFixtures.Client()), [NovaFixtures.FirstServerId, NovaFixtures.SecondServerId]) { PageSize = 1 });

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
        var host = NovaFixtures.Host(client, new() { ["nova:page_size"] = "1" });
        _hosts.Add(host);
        return host.Poller(NovaEntityTypes.Instance);
    }
}
