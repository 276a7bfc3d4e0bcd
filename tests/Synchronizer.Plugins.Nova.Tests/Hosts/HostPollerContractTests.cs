using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Nova.Tests.Hosts;

/// <summary>The poller contract, on nova's recorded hypervisor pages (2.53 and 2.88 forms).</summary>
public sealed class HostPollerContractTests : EntityPollerContractTests, IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    protected override string EntityType => NovaEntityTypes.Host;

    protected override Task<PollerUnderTest> CreatePopulatedAsync() =>
        Task.FromResult(new PollerUnderTest(Create(NovaFixtures.Client()), [NovaFixtures.FirstHostId, NovaFixtures.SecondHostId]) { PageSize = 1 });

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
        return host.Poller(NovaEntityTypes.Host);
    }
}
