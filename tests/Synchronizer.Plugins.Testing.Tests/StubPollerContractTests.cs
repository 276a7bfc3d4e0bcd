using System.Text;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Testing.Tests;

/// <summary>The contract run on a poller that keeps it: every test of the base passes.</summary>
public sealed class StubPollerContractTests : EntityPollerContractTests
{
    internal static readonly EntityRecord[] Entities = [StubPoller.Entity("a"), StubPoller.Entity("b"), StubPoller.Entity("c")];

    protected override string EntityType => "stub.thing";

    protected override IEnumerable<NotificationSample> NotificationSamples =>
    [
        NotificationSample.FromMessage(Encoding.UTF8.GetBytes("""{"event_type": "thing.update", "payload": {"thing_id": "b"}}"""), "b"),
    ];

    protected override Task<PollerUnderTest> CreatePopulatedAsync() =>
        Task.FromResult(new PollerUnderTest(new StubPoller(Entities, "updated_at"), ["a", "b", "c"]) { PageSize = 2 });

    protected override Task<IEntityPoller> CreateEmptyAsync() => Task.FromResult<IEntityPoller>(new StubPoller([], "updated_at"));
}
