using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Heat.Tests.Stacks;

public sealed class StackPollerTests : IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    [Fact]
    public async Task ListAsync_AsksForEveryProjectPageByPage()
    {
        var client = HeatFixtures.Client();
        var sut = CreateSut(client, new() { ["heat:page_size"] = "1" });

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal([HeatFixtures.FirstId, HeatFixtures.SecondId], records.Select(r => r.Id));
        Assert.Equal(
            [
                "/stacks?global_tenant=true&limit=1",
                $"/stacks?global_tenant=true&limit=1&marker={HeatFixtures.FirstId}",
                $"/stacks?global_tenant=true&limit=1&marker={HeatFixtures.SecondId}",
            ],
            client.Requests.Select(r => r.PathAndQuery));
        Assert.All(client.Requests, r => Assert.Equal("orchestration", r.ServiceType));
        Assert.All(client.Requests, r => Assert.Null(r.Version));
    }

    [Fact]
    public async Task ListAsync_ShowNested_AsksHeatForNestedStacksToo()
    {
        var client = HeatFixtures.Empty();
        var sut = CreateSut(client, new() { ["heat:show_nested"] = "true" });

        await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal("/stacks?global_tenant=true&show_nested=true&limit=1000", Assert.Single(client.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ListAsync_SecondPageFails_Throws()
    {
        var client = new FixtureOpenStackClient()
            .Failing(r => r.PathAndQuery.Contains("marker=", StringComparison.Ordinal), HttpStatusCode.InternalServerError)
            .OnPage("orchestration", "/stacks", FixtureFiles.Read("stacks.page1.json"));
        var sut = CreateSut(client, new() { ["heat:page_size"] = "1" });

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.ListAsync(CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task GetAsync_ReadsTheListFilteredById()
    {
        var client = HeatFixtures.Client();
        var sut = (IEntityFetcher)CreateSut(client);

        var record = await sut.GetAsync(HeatFixtures.SecondId, CancellationToken.None);

        Assert.Equal(HeatFixtures.SecondId, record?.Id);
        Assert.Equal($"/stacks?global_tenant=true&id={HeatFixtures.SecondId}&limit=1000", Assert.Single(client.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetAsync_HeatIgnoresTheIdFilter_ThrowsRatherThanGuess()
    {
        var client = new FixtureOpenStackClient().On(_ => FixtureResponse.Ok(FixtureFiles.Read("stacks.page2.json")));
        var sut = (IEntityFetcher)CreateSut(client);

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(HeatFixtures.FirstId, CancellationToken.None));

        Assert.Contains("id filter was ignored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHeat_BadPageSize_FailsValidationNamingTheKey()
    {
        var host = Host(HeatFixtures.Empty(), new() { ["heat:page_size"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptionsMonitor<HeatOptions>>().CurrentValue);

        Assert.Contains("[heat] page_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHeat_Twice_RegistersOnePoller()
    {
        var host = PluginTestHost.Create(b => b.AddHeat().AddHeat(o => o.PageSize = 5), client: HeatFixtures.Empty());
        _hosts.Add(host);

        Assert.Single(host.Services.GetServices<IEntityPoller>());
        Assert.Equal(5, host.Services.GetRequiredService<IOptions<HeatOptions>>().Value.PageSize);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private IEntityPoller CreateSut(FixtureOpenStackClient client, Dictionary<string, string?>? settings = null) =>
        Host(client, settings ?? []).Poller(HeatEntityTypes.Stack);

    private PluginTestHost Host(FixtureOpenStackClient client, Dictionary<string, string?> settings)
    {
        var host = PluginTestHost.Create(b => b.AddHeat(), settings, client);
        _hosts.Add(host);
        return host;
    }
}
