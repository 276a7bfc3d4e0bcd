using System.Text;
using Synchronizer.Plugins.Abstractions;
using Xunit.Sdk;

namespace Synchronizer.Plugins.Testing.Tests;

/// <summary>Each fault of a poller makes the contract test meant to catch it fail.</summary>
public class EntityPollerContractTestsTests
{
    private static readonly EntityRecord[] Entities = StubPollerContractTests.Entities;

    [Fact]
    public async Task ListsEveryEntity_PollerStopsAfterTheFirstPage_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated_at") { StopAfter = 2 });

        await Assert.ThrowsAnyAsync<XunitException>(contract.ListAsync_PopulatedService_ListsEveryEntityOfEveryPage);
    }

    [Fact]
    public async Task ListsEveryEntity_SampleWithinOnePage_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated_at")) { PageSize = 3 };

        var error = await Assert.ThrowsAnyAsync<XunitException>(contract.ListAsync_PopulatedService_ListsEveryEntityOfEveryPage);

        Assert.Contains("span several pages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdsAreUnique_PollerRepeatsAnEntity_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated_at") { Duplicate = true });

        await Assert.ThrowsAnyAsync<XunitException>(contract.ListAsync_PopulatedService_IdsAreUnique);
    }

    [Fact]
    public async Task VolatileFields_MisspeltField_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated"));

        await Assert.ThrowsAnyAsync<XunitException>(contract.Descriptor_VolatileFields_OccurInTheListedEntities);
    }

    [Fact]
    public async Task VolatileFields_FieldDeclaredAbsent_Passes()
    {
        var contract = new Contract(new StubPoller(Entities, "uptime")) { Absent = ["uptime"] };

        await contract.Descriptor_VolatileFields_OccurInTheListedEntities();
    }

    [Fact]
    public async Task FetchAgreesWithTheList_FetchReturnsAnotherRepresentation_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated_at") { FetchAltersEntities = true });

        var error = await Assert.ThrowsAnyAsync<XunitException>(contract.GetAsync_EveryListedId_ReturnsTheEntityAsListed);

        Assert.Contains("extra", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAgreesWithTheList_OnlyAVolatileFieldDiffers_Passes()
    {
        var changed = Entities.Select(e => StubPoller.Entity(e.Id)).ToArray();
        var contract = new Contract(new StubPoller(changed, "updated_at"));

        await contract.GetAsync_EveryListedId_ReturnsTheEntityAsListed();
    }

    [Fact]
    public async Task NotificationSamples_MapperReadsTheWrongField_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated_at") { MapperIdProperty = "id" })
        {
            Samples = [NotificationSample.FromMessage(Encoding.UTF8.GetBytes("""{"event_type": "thing.update", "payload": {"thing_id": "b"}}"""), "b")],
        };

        await Assert.ThrowsAnyAsync<XunitException>(contract.EntityIds_Samples_ReadTheExpectedIds);
    }

    [Fact]
    public async Task NotificationSamples_MapperNotUnderstandingTheEvent_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated_at"))
        {
            Samples = [NotificationSample.FromMessage(Encoding.UTF8.GetBytes("""{"event_type": "other.update", "payload": {"thing_id": "b"}}"""), "b")],
        };

        var error = await Assert.ThrowsAnyAsync<XunitException>(contract.EntityIds_Samples_ReadTheExpectedIds);

        Assert.Contains("does not understand 'other.update'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityType_OtherThanDeclared_Fails()
    {
        var contract = new Contract(new StubPoller(Entities, "updated_at")) { Type = "stub.other" };

        await Assert.ThrowsAnyAsync<XunitException>(contract.Descriptor_Name_IsTheDeclaredTypeAndFollowsTheRule);
    }

    private sealed class Contract : EntityPollerContractTests
    {
        private readonly StubPoller _poller;

        public Contract(StubPoller poller) => _poller = poller;

        public int? PageSize { get; init; } = 2;

        public string Type { get; init; } = "stub.thing";

        public HashSet<string> Absent { get; init; } = [];

        public List<NotificationSample> Samples { get; init; } = [];

        protected override string EntityType => Type;

        protected override IReadOnlySet<string> VolatileFieldsAbsentFromSample => Absent;

        protected override IEnumerable<NotificationSample> NotificationSamples => Samples;

        protected override Task<PollerUnderTest> CreatePopulatedAsync() =>
            Task.FromResult(new PollerUnderTest(_poller, [.. Entities.Select(e => e.Id)]) { PageSize = PageSize });

        protected override Task<IEntityPoller> CreateEmptyAsync() => Task.FromResult<IEntityPoller>(new StubPoller([]));
    }
}
