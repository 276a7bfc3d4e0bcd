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

    // Regression (real Zed cloud): the re-read after orchestration.stack.delete.end found the stack
    // still listed as DELETE_COMPLETE, so the push path announced an update and the delete came a poll later.
    [Fact]
    public async Task GetAsync_StackListedAsDeleteComplete_ReturnsNullAsForADeletedStack()
    {
        var client = new FixtureOpenStackClient().On(_ => FixtureResponse.Ok(Page(WithStatus(HeatFixtures.FirstId, "DELETE_COMPLETE"))));
        var sut = (IEntityFetcher)CreateSut(client);

        Assert.Null(await sut.GetAsync(HeatFixtures.FirstId, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_StackBeingDeleted_ReturnsIt()
    {
        var client = new FixtureOpenStackClient().On(_ => FixtureResponse.Ok(Page(WithStatus(HeatFixtures.FirstId, "DELETE_IN_PROGRESS"))));
        var sut = (IEntityFetcher)CreateSut(client);

        Assert.Equal(HeatFixtures.FirstId, (await sut.GetAsync(HeatFixtures.FirstId, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task ListAsync_StackListedAsDeleteComplete_LeavesItOut()
    {
        var page = Page(WithStatus(HeatFixtures.FirstId, "DELETE_COMPLETE"), WithStatus(HeatFixtures.SecondId, "CREATE_COMPLETE"));
        var client = new FixtureOpenStackClient().On(_ => FixtureResponse.Ok(page));
        var sut = CreateSut(client);

        var records = await sut.ListAsync(CancellationToken.None).ToListAsync();

        Assert.Equal([HeatFixtures.SecondId], records.Select(r => r.Id));
    }

    // Regression (real Zed cloud): Heat sends orchestration.stack.*.end before it writes the status it
    // announces, so the push path's re-read listed the previous status and the final one came a poll later.
    [Fact]
    public async Task GetAsync_HeatAnnouncedAStatusTheListDoesNotShowYet_ReReadsUntilItDoes()
    {
        var client = Listing(["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"]);
        var time = new InstantTimeProvider();
        var sut = CreateSut(client, time: time);

        Announce(sut, "orchestration.stack.create.end", "CREATE_COMPLETE");
        var record = await ((IEntityFetcher)sut).GetAsync(HeatFixtures.FirstId, CancellationToken.None);

        Assert.Equal("CREATE_COMPLETE", Status(record));
        Assert.Equal(3, client.Requests.Count);
        Assert.Equal(2, time.Waits);
    }

    [Fact]
    public async Task GetAsync_AnnouncedDeleteCompleteWhileListedInProgress_ReReadsUntilTheStackIsGone()
    {
        var client = Listing(["DELETE_IN_PROGRESS", null]);
        var sut = CreateSut(client, time: new InstantTimeProvider());

        Announce(sut, "orchestration.stack.delete.end", "DELETE_COMPLETE");

        Assert.Null(await ((IEntityFetcher)sut).GetAsync(HeatFixtures.FirstId, CancellationToken.None));
        Assert.Equal(2, client.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_ListNeverShowsTheAnnouncedStatus_GivesUpAfterFiveReReadsWithWhatItListed()
    {
        var client = Listing(["UPDATE_IN_PROGRESS"]);
        var sut = CreateSut(client, time: new InstantTimeProvider());

        Announce(sut, "orchestration.stack.update.end", "UPDATE_COMPLETE");

        Assert.Equal("UPDATE_IN_PROGRESS", Status(await ((IEntityFetcher)sut).GetAsync(HeatFixtures.FirstId, CancellationToken.None)));
        Assert.Equal(6, client.Requests.Count);
    }

    [Theory]
    [InlineData("orchestration.stack.update.start", "UPDATE_IN_PROGRESS")]
    [InlineData(null, null)]
    public async Task GetAsync_NoFinalStatusAnnounced_ReadsOnce(string? eventType, string? state)
    {
        var client = Listing(["CREATE_COMPLETE"]);
        var time = new InstantTimeProvider();
        var sut = CreateSut(client, time: time);

        if (eventType is not null)
        {
            Announce(sut, eventType, state!);
        }

        Assert.Equal("CREATE_COMPLETE", Status(await ((IEntityFetcher)sut).GetAsync(HeatFixtures.FirstId, CancellationToken.None)));
        Assert.Single(client.Requests);
        Assert.Equal(0, time.Waits);
    }

    [Fact]
    public async Task GetAsync_AfterTheAnnouncedStatusWasRead_LaterFetchesReadOnce()
    {
        var client = Listing(["CREATE_COMPLETE", "UPDATE_IN_PROGRESS"]);
        var sut = CreateSut(client, time: new InstantTimeProvider());
        Announce(sut, "orchestration.stack.create.end", "CREATE_COMPLETE");
        await ((IEntityFetcher)sut).GetAsync(HeatFixtures.FirstId, CancellationToken.None);

        Assert.Equal("UPDATE_IN_PROGRESS", Status(await ((IEntityFetcher)sut).GetAsync(HeatFixtures.FirstId, CancellationToken.None)));
        Assert.Equal(2, client.Requests.Count);
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

    // The filtered list answers, call after call, the first stack with the next status (null: not listed), the last one from then on.
    private static FixtureOpenStackClient Listing(string?[] statuses)
    {
        var calls = 0;
        return new FixtureOpenStackClient().On(_ =>
        {
            var status = statuses[Math.Min(Interlocked.Increment(ref calls), statuses.Length) - 1];
            return FixtureResponse.Ok(status is null ? Page() : Page(WithStatus(HeatFixtures.FirstId, status)));
        });
    }

    private static void Announce(IEntityPoller sut, string eventType, string state)
    {
        using var payload = System.Text.Json.JsonDocument.Parse($$"""{"stack_identity": "{{HeatFixtures.FirstId}}", "state": "{{state}}"}""");
        Assert.Equal([HeatFixtures.FirstId], ((Abstractions.Notifications.INotificationMapper)sut).EntityIds(eventType, payload.RootElement));
    }

    private static string? Status(EntityRecord? record) =>
        record is null ? null : System.Text.Json.JsonDocument.Parse(record.Json).RootElement.GetProperty("stack_status").GetString();

    // The first recorded stack (REALSTACK.md's list sample) with another status.
    private static string WithStatus(string id, string status)
    {
        var stack = System.Text.Json.Nodes.JsonNode.Parse(FixtureFiles.Read("stacks.page1.json"))!["stacks"]![0]!.AsObject();
        stack["id"] = id;
        stack["stack_status"] = status;
        return stack.ToJsonString();
    }

    private static string Page(params string[] stacks) => $"{{\"stacks\": [{string.Join(", ", stacks)}]}}";

    private IEntityPoller CreateSut(FixtureOpenStackClient client, Dictionary<string, string?>? settings = null, TimeProvider? time = null) =>
        Host(client, settings ?? [], time).Poller(HeatEntityTypes.Stack);

    private PluginTestHost Host(FixtureOpenStackClient client, Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var host = PluginTestHost.Create(
            b =>
            {
                if (time is not null)
                {
                    b.Services.AddSingleton(time);
                }

                b.AddHeat();
            },
            settings,
            client);
        _hosts.Add(host);
        return host;
    }
}
