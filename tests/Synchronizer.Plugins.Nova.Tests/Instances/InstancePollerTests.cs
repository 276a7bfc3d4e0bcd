using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Nova.Tests.Instances;

public sealed class InstancePollerTests : IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];
    private readonly FixtureOpenStackClient _client = NovaFixtures.Client();

    [Fact]
    public async Task ListAsync_FixturePages_ListsEveryServerOfEveryPage()
    {
        var sut = CreateSut();

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal([NovaFixtures.FirstServerId, NovaFixtures.SecondServerId], records.Select(r => r.Id));
        using var first = JsonDocument.Parse(records[0].Json);
        Assert.Equal("new-server-test", first.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListAsync_AsksForAllProjectsAtTheConfiguredMicroversion()
    {
        var sut = CreateSut(new() { ["nova:microversion"] = "2.60", ["nova:page_size"] = "500" });

        await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(
            ["/servers/detail?all_tenants=1&limit=500", $"/servers/detail?all_tenants=1&limit=500&marker={NovaFixtures.FirstServerId}"],
            _client.Requests.Select(r => r.PathAndQuery));
        Assert.All(_client.Requests, r => Assert.Equal(ApiVersion.UpTo("compute", "2.60"), r.Version));
        Assert.All(_client.Requests, r => Assert.Equal("compute", r.ServiceType));
    }

    [Fact]
    public void Descriptor_NamesTheTypeAndItsVolatileFields()
    {
        var descriptor = CreateSut().Descriptor;

        Assert.Equal(NovaEntityTypes.Instance, descriptor.Name);
        Assert.Equal(["progress", "updated"], descriptor.VolatileFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_ShowFixture_ReturnsTheServerAsTheListShowsIt()
    {
        var client = new FixtureOpenStackClient().OnPath("compute", "/servers/0e44cc9c-e052-415d-afbf-469b0d384170", FixtureResponse.Ok(FixtureFiles.Read("server-show.json")));
        var sut = (IEntityFetcher)NovaFixtures.HostFor(client, _hosts).Poller(NovaEntityTypes.Instance);

        var record = await sut.GetAsync("0e44cc9c-e052-415d-afbf-469b0d384170", CancellationToken.None);

        Assert.NotNull(record);
        using var server = JsonDocument.Parse(record.Json);
        Assert.Equal("new-server-test", server.RootElement.GetProperty("name").GetString());
        Assert.False(server.RootElement.TryGetProperty("server_groups", out _), "server_groups is in the show body only (2.71+), never in the list.");
        Assert.True(server.RootElement.TryGetProperty("tags", out _));
        Assert.Equal(ApiVersion.UpTo("compute", "2.79"), Assert.Single(client.Requests).Version);
    }

    [Fact]
    public async Task GetAsync_DeletedServer_ReturnsNull()
    {
        var sut = (IEntityFetcher)CreateSut();

        Assert.Null(await sut.GetAsync("9168b536-cd40-4630-b43f-b259807c6e87", CancellationToken.None));
        Assert.Equal("/servers/9168b536-cd40-4630-b43f-b259807c6e87", Assert.Single(_client.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("page_size", "0")]
    [InlineData("page_size", "10001")]
    [InlineData("microversion", "3.59")]
    [InlineData("microversion", "2.79.1")]
    public void AddNova_BadValue_FailsValidationNamingTheKey(string key, string value)
    {
        var host = NovaFixtures.HostFor(_client, _hosts, new() { ["nova:" + key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptionsMonitor<NovaOptions>>().CurrentValue);

        Assert.Contains($"[nova] {key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNova_RegistersEveryNovaTypeOnce()
    {
        var host = PluginTestHost.Create(b => b.AddNova().AddNova(), client: _client);
        _hosts.Add(host);

        var types = host.Services.GetServices<IEntityPoller>().Select(p => p.Descriptor.Name).Order(StringComparer.Ordinal);

        Assert.Equal([NovaEntityTypes.Host, NovaEntityTypes.Instance, NovaEntityTypes.Zone], types);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private IEntityPoller CreateSut(Dictionary<string, string?>? settings = null) =>
        NovaFixtures.HostFor(_client, _hosts, settings).Poller(NovaEntityTypes.Instance);
}
