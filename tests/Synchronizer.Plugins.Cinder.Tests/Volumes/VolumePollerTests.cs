using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Cinder.Tests.Volumes;

public sealed class VolumePollerTests : IAsyncLifetime
{
    private readonly List<PluginTestHost> _hosts = [];

    [Fact]
    public async Task ListAsync_FollowsVolumesLinksWithTheirMarkers()
    {
        var client = CinderFixtures.Client();
        var sut = CreateSut(client, new() { ["cinder:page_size"] = "1" });

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(CinderFixtures.Ids, records.Select(r => r.Id));
        Assert.Equal(
            [
                "/volumes/detail?all_tenants=1&limit=1",
                $"/volumes/detail?all_tenants=1&limit=1&marker={CinderFixtures.FirstId}",
                $"/volumes/detail?all_tenants=1&limit=1&marker={CinderFixtures.Page2LinkMarker}",
            ],
            client.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ListAsync_SendsTheVolumeMicroversionOnEveryPage()
    {
        var client = CinderFixtures.Client();
        var sut = CreateSut(client, new() { ["cinder:microversion"] = "3.60" });

        await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.All(client.Requests, r => Assert.Equal(ApiVersion.UpTo("volume", "3.60"), r.Version));
        Assert.All(client.Requests, r => Assert.Equal("volumev3", r.ServiceType));
    }

    [Fact]
    public async Task ListAsync_CatalogWithoutVolumeV3_FallsBackToBlockStorage()
    {
        var client = CinderFixtures.Client("block-storage").WithoutService("volumev3");
        var sut = CreateSut(client);

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();
        var fetched = await ((IEntityFetcher)sut).GetAsync(CinderFixtures.FirstId, CancellationToken.None);

        Assert.Equal(CinderFixtures.Ids, records.Select(r => r.Id));
        Assert.Equal(CinderFixtures.FirstId, fetched?.Id);
        Assert.Equal(["volumev3", "block-storage", "block-storage", "block-storage", "block-storage"], client.Requests.Select(r => r.ServiceType));
    }

    [Fact]
    public async Task ListAsync_CatalogWithNeither_ThrowsNamingBlockStorage()
    {
        var client = new FixtureOpenStackClient().WithoutService("volumev3").WithoutService("block-storage");
        var sut = CreateSut(client);

        var error = await Assert.ThrowsAsync<OpenStackException>(() => sut.ListAsync(CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains("'block-storage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ServerErrorOnVolumeV3_DoesNotFallBack()
    {
        var client = CinderFixtures.Client("block-storage").Failing(r => r.ServiceType == "volumev3", HttpStatusCode.ServiceUnavailable);
        var sut = CreateSut(client);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => sut.ListAsync(CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(["volumev3"], client.Requests.Select(r => r.ServiceType));
    }

    [Fact]
    public async Task GetAsync_ShowFixture_ReturnsTheVolumeObject()
    {
        var client = new FixtureOpenStackClient().OnPath("volumev3", "/volumes/f7223234-1afc-4d19-bfa3-d19deb6235ef", FixtureResponse.Ok(FixtureFiles.Read("volume-show.json")));
        var sut = (IEntityFetcher)CreateSut(client);

        var record = await sut.GetAsync("f7223234-1afc-4d19-bfa3-d19deb6235ef", CancellationToken.None);

        Assert.NotNull(record);
        using var volume = JsonDocument.Parse(record.Json);
        Assert.Equal("f7223234-1afc-4d19-bfa3-d19deb6235ef", volume.RootElement.GetProperty("id").GetString());
        Assert.Equal("creating", volume.RootElement.GetProperty("status").GetString());
        Assert.Equal(ApiVersion.UpTo("volume", "3.59"), Assert.Single(client.Requests).Version);
    }

    [Fact]
    public async Task GetAsync_NotFound_ReturnsNull()
    {
        var sut = (IEntityFetcher)CreateSut(CinderFixtures.Client());

        Assert.Null(await sut.GetAsync("9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_ShowWithoutVolume_Throws()
    {
        var client = new FixtureOpenStackClient().On(_ => FixtureResponse.Ok("{\"itemNotFound\": {}}"));
        var sut = (IEntityFetcher)CreateSut(client);

        await Assert.ThrowsAsync<OpenStackException>(() => sut.GetAsync(CinderFixtures.FirstId, CancellationToken.None));
    }

    // Regression (real Zed cloud): cinder-volume saves service_uuid and shared_targets about 0.2 s after
    // volume.create.end, with no notification; through the push path every new volume then showed a
    // state the API no longer listed, and a spurious update one poll later.
    [Fact]
    public void Descriptor_FieldsCinderSavesSilentlyAfterCreateEnd_AreVolatile()
    {
        var sut = CreateSut(CinderFixtures.Empty());

        Assert.Superset(new HashSet<string>(["updated_at", "service_uuid", "shared_targets"]), sut.Descriptor.VolatileFields.ToHashSet());
    }

    [Theory]
    [InlineData("microversion", "2.79")]
    [InlineData("microversion", "latest")]
    [InlineData("page_size", "0")]
    public void AddCinder_BadValue_FailsValidationNamingTheKey(string key, string value)
    {
        var host = Host(CinderFixtures.Empty(), new() { ["cinder:" + key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptionsMonitor<CinderOptions>>().CurrentValue);

        Assert.Contains($"[cinder] {key}", error.Message, StringComparison.Ordinal);
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
        Host(client, settings ?? []).Poller(CinderEntityTypes.Volume);

    private PluginTestHost Host(FixtureOpenStackClient client, Dictionary<string, string?> settings)
    {
        var host = PluginTestHost.Create(b => b.AddCinder(), settings, client);
        _hosts.Add(host);
        return host;
    }
}
