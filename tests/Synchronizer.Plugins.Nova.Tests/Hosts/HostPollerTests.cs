using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Nova.Tests.Hosts;

public sealed class HostPollerTests : IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    [Fact]
    public async Task ListAsync_FollowsHypervisorsLinks()
    {
        var client = NovaFixtures.Client();
        var sut = NovaFixtures.HostFor(client, _hosts, new() { ["nova:page_size"] = "1" }).Poller(NovaEntityTypes.Host);

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal([NovaFixtures.FirstHostId, NovaFixtures.SecondHostId], records.Select(r => r.Id));
        Assert.Equal(
            [
                "/os-hypervisors/detail?limit=1",
                $"/os-hypervisors/detail?limit=1&marker={NovaFixtures.FirstHostId}",
                $"/os-hypervisors/detail?limit=1&marker={NovaFixtures.SecondHostId}",
            ],
            client.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ListAsync_IntegerIdsBefore253_BecomeStrings()
    {
        var client = new FixtureOpenStackClient()
            .OnPage("compute", "/os-hypervisors/detail", FixtureFiles.Read("os-hypervisors-detail.v2.1.json"))
            .OnPath("compute", "/os-hypervisors/1", FixtureResponse.Ok(ShowOfFirst("os-hypervisors-detail.v2.1.json")));
        var sut = NovaFixtures.HostFor(client, _hosts, new() { ["nova:microversion"] = "2.1" }).Poller(NovaEntityTypes.Host);

        var listed = Assert.Single(await sut.ListAsync(CancellationToken.None).ToListAsync());
        var fetched = await ((IEntityFetcher)sut).GetAsync("1", CancellationToken.None);

        Assert.Equal("1", listed.Id);
        Assert.Equal("1", fetched?.Id);
    }

    [Fact]
    public void Descriptor_DeclaresUsageCountersVolatile()
    {
        var sut = NovaFixtures.HostFor(NovaFixtures.Empty(), _hosts).Poller(NovaEntityTypes.Host);

        Assert.Contains("running_vms", sut.Descriptor.VolatileFields);
        Assert.Contains("uptime", sut.Descriptor.VolatileFields);
        Assert.DoesNotContain("state", sut.Descriptor.VolatileFields);
        Assert.DoesNotContain("status", sut.Descriptor.VolatileFields);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private static string ShowOfFirst(string listFixture)
    {
        using var list = System.Text.Json.JsonDocument.Parse(FixtureFiles.Read(listFixture));
        return $"{{\"hypervisor\": {list.RootElement.GetProperty("hypervisors")[0].GetRawText()}}}";
    }
}
