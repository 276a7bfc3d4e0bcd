using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Heat.Tests.Stacks;

/// <summary>The poller contract, on Heat's recorded pages.</summary>
public sealed class StackPollerContractTests : EntityPollerContractTests, IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    protected override string EntityType => HeatEntityTypes.Stack;

    protected override IEnumerable<NotificationSample> NotificationSamples =>
    [
        NotificationSample.FromMessage(FixtureFiles.Read("notification.orchestration.stack.create.end.json"), HeatFixtures.SecondId),
        NotificationSample.FromMessage(FixtureFiles.Read("notification.orchestration.stack.create.end.arn.json"), "cb4a6fd1-1f5d-4002-ae91-9b91573cfb03"),
        NotificationSample.FromMessage(FixtureFiles.Read("wire.orchestration.stack.create.end.json"), HeatFixtures.SecondId),
    ];

    protected override Task<PollerUnderTest> CreatePopulatedAsync() =>
        Task.FromResult(new PollerUnderTest(Create(HeatFixtures.Client()), [HeatFixtures.FirstId, HeatFixtures.SecondId]) { PageSize = 1 });

    protected override Task<IEntityPoller> CreateEmptyAsync() => Task.FromResult(Create(HeatFixtures.Empty()));

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
        var host = PluginTestHost.Create(b => b.AddHeat(), new Dictionary<string, string?> { ["heat:page_size"] = "1" }, client);
        _hosts.Add(host);
        return host.Poller(HeatEntityTypes.Stack);
    }
}
