using System.Text.Json;
using Synchronizer.Plugins.Nova;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud.Lifecycle;

/// <summary>A real server's life (create, rename, stop, delete) reaches <c>synchronizer.nova.instance</c>, by polling and by the push path.</summary>
[Trait("Category", "RealCloud")]
[Collection(RealCloudTests.Name)]
public sealed class ServerLifecycleTests
{
    private readonly RealCloudFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ServerLifecycleTests(RealCloudFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public Task CreateRenameStopDelete_PushPathOff_EachChangeAnnouncedByPolling() => RunAsync(push: false);

    [Fact]
    public Task CreateRenameStopDelete_PushPathOn_EachChangeAnnouncedWithinASecond() => RunAsync(push: true);

    private static string? Text(JsonElement entity, string name) => entity.GetProperty(name).GetString();

    private static bool Active(JsonElement? server) =>
        server is { } s && Text(s, "status") == "ACTIVE" && Text(s, "OS-EXT-STS:task_state") is null;

    private static bool Stopped(JsonElement? server) =>
        server is { } s && Text(s, "status") == "SHUTOFF" && Text(s, "OS-EXT-STS:task_state") is null;

    private async Task RunAsync(bool push)
    {
        await using var harness = await LifecycleHarness.StartAsync(_fixture, NovaEntityTypes.Instance, push, _output);
        var nova = _fixture.Demo.Nova;
        var id = await nova.CreateServerAsync(_fixture.NewName("vm"));
        try
        {
            // Booting ends asynchronously, when nova announces instance.create.end.
            var booted = harness.CompletedAsync(id, "instance.create.end", () => nova.GetServerAsync(id), Active);
            var active = await harness.AnnouncedAsync(id, null, s => Active(s), "create");
            Assert.Equal("nova.instance.create", harness.AnnouncementsOf(id)[0].EventType);
            harness.RecordLatency(active, await booted, "create");
            await harness.AssertListedAsAnnouncedAsync(id, active);

            // A rename is done when the API answers.
            var newName = _fixture.NewName("vm-renamed");
            await nova.RenameServerAsync(id, newName);
            var renamedAt = LifecycleHarness.AnsweredAsync(() => nova.GetServerAsync(id), s => s is { } found && Text(found, "name") == newName, "the new name");
            var renamed = await harness.AnnouncedAsync(id, "nova.instance.update", s => Text(s, "name") == newName, "rename");
            Assert.Contains("name", renamed.Payload.GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString()));
            harness.RecordLatency(renamed, await renamedAt, "rename");
            await harness.AssertListedAsAnnouncedAsync(id, renamed);

            await nova.StopServerAsync(id);
            var poweredOff = harness.CompletedAsync(id, "instance.power_off.end", () => nova.GetServerAsync(id), Stopped);
            var stopped = await harness.AnnouncedAsync(id, "nova.instance.update", s => Stopped(s), "stop");
            harness.RecordLatency(stopped, await poweredOff, "stop");
            await harness.AssertListedAsAnnouncedAsync(id, stopped);

            await nova.DeleteServerAsync(id);
            var gone = harness.CompletedAsync(id, "instance.delete.end", () => nova.GetServerAsync(id), s => s is null);
            var deleted = await harness.AnnouncedAsync(id, "nova.instance.delete", _ => true, "delete");
            harness.RecordLatency(deleted, await gone, "delete");
            harness.AssertDeleteCarriesLastState(id, deleted);
            harness.AssertPrompt();
        }
        finally
        {
            await nova.DeleteServerAsync(id);
        }
    }
}
