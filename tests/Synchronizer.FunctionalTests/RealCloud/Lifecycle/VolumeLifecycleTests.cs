using System.Text.Json;
using Synchronizer.Plugins.Cinder;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud.Lifecycle;

/// <summary>A real volume's life (create, rename, delete) reaches <c>synchronizer.cinder.volume</c>, by polling and by the push path.</summary>
[Trait("Category", "RealCloud")]
[Collection(RealCloudTests.Name)]
public sealed class VolumeLifecycleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly RealCloudFixture _fixture;
    private readonly ITestOutputHelper _output;

    public VolumeLifecycleTests(RealCloudFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public Task CreateRenameDelete_PushPathOff_EachChangeAnnouncedByPolling() => RunAsync(push: false);

    [Fact]
    public Task CreateRenameDelete_PushPathOn_EachChangeAnnouncedWithinASecond() => RunAsync(push: true);

    private static string? Status(JsonElement volume) => volume.GetProperty("status").GetString();

    private async Task RunAsync(bool push)
    {
        await using var harness = await LifecycleHarness.StartAsync(_fixture, CinderEntityTypes.Volume, push, _output);
        var cinder = _fixture.Demo.Cinder;
        var id = await cinder.CreateVolumeAsync(_fixture.NewName("vol"));
        try
        {
            var created = harness.CompletedAsync(id, "volume.create.end", () => cinder.GetVolumeAsync(id), v => v is { } found && Status(found) == "available");
            var available = await harness.AnnouncedAsync(id, null, v => Status(v) == "available", "create");
            Assert.Equal("cinder.volume.create", harness.AnnouncementsOf(id)[0].EventType);
            harness.RecordLatency(available, await created, "create");
            await harness.AssertListedAsAnnouncedAsync(id, available);

            var newName = _fixture.NewName("vol-renamed");
            await cinder.RenameVolumeAsync(id, newName);
            var renamedAt = LifecycleHarness.AnsweredAsync(() => cinder.GetVolumeAsync(id), v => v?.GetProperty("name").GetString() == newName, "the new name");
            var renamed = await harness.AnnouncedAsync(id, "cinder.volume.update", v => v.GetProperty("name").GetString() == newName, "rename");
            Assert.Contains("name", renamed.Payload.GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString()));
            harness.RecordLatency(renamed, await renamedAt, "rename");
            await harness.AssertListedAsAnnouncedAsync(id, renamed);

            await cinder.DeleteVolumeAsync(id);
            var gone = harness.CompletedAsync(id, "volume.delete.end", () => cinder.GetVolumeAsync(id), v => v is null);
            var deleted = await harness.AnnouncedAsync(id, "cinder.volume.delete", _ => true, "delete");
            harness.RecordLatency(deleted, await gone, "delete");
            harness.AssertDeleteCarriesLastState(id, deleted);
            harness.AssertPrompt();
        }
        finally
        {
            await cinder.WaitForVolumeAsync(id, v => v is null || Status(v.Value) != "creating", Patience, "to leave creating");
            await cinder.DeleteVolumeAsync(id);
        }
    }
}
