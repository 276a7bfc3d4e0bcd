using System.Text.Json;
using Synchronizer.Plugins.Heat;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud.Lifecycle;

/// <summary>A real stack's life (create, update, delete) reaches <c>synchronizer.heat.stack</c>, by polling and by the push path.</summary>
[Trait("Category", "RealCloud")]
[Collection(RealCloudTests.Name)]
public sealed class StackLifecycleTests
{
    private readonly RealCloudFixture _fixture;
    private readonly ITestOutputHelper _output;

    public StackLifecycleTests(RealCloudFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public Task CreateUpdateDelete_PushPathOff_EachChangeAnnouncedByPolling() => RunAsync(push: false);

    [Fact]
    public Task CreateUpdateDelete_PushPathOn_EachChangeAnnouncedWithinASecond() => RunAsync(push: true);

    private static string? Status(JsonElement stack) => stack.GetProperty("stack_status").GetString();

    private async Task RunAsync(bool push)
    {
        await using var harness = await LifecycleHarness.StartAsync(_fixture, HeatEntityTypes.Stack, push, _output);
        var heat = _fixture.Demo.Heat;
        var name = _fixture.NewName("stack");
        var id = await heat.CreateStackAsync(name, length: 8);
        try
        {
            var done = harness.CompletedAsync(id, "orchestration.stack.create.end", () => heat.GetStackAsync(id), s => s is { } found && Status(found) == "CREATE_COMPLETE");
            var created = await harness.AnnouncedAsync(id, null, s => Status(s) == "CREATE_COMPLETE", "create");
            Assert.Equal("heat.stack.create", harness.AnnouncementsOf(id)[0].EventType);
            harness.RecordLatency(created, await done, "create");
            await harness.AssertListedAsAnnouncedAsync(id, created);

            await heat.UpdateStackAsync(name, id, length: 12);
            done = harness.CompletedAsync(id, "orchestration.stack.update.end", () => heat.GetStackAsync(id), s => s is { } found && Status(found) == "UPDATE_COMPLETE");
            var updated = await harness.AnnouncedAsync(id, "heat.stack.update", s => Status(s) == "UPDATE_COMPLETE", "update");
            harness.RecordLatency(updated, await done, "update");
            await harness.AssertListedAsAnnouncedAsync(id, updated);

            await heat.DeleteStackAsync(name, id);
            done = harness.CompletedAsync(id, "orchestration.stack.delete.end", () => heat.GetStackAsync(id), s => s is null);
            var deleted = await harness.AnnouncedAsync(id, "heat.stack.delete", _ => true, "delete");
            harness.RecordLatency(deleted, await done, "delete");
            harness.AssertDeleteCarriesLastState(id, deleted);
            harness.AssertPrompt();
        }
        finally
        {
            await heat.DeleteStackAsync(name, id);
        }
    }
}
