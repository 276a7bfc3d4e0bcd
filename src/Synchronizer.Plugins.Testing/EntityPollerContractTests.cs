using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;
using Xunit;

namespace Synchronizer.Plugins.Testing;

/// <summary>
/// The contract every poller keeps. Derive a test class from it, say how to create the poller against
/// a stub service (<see cref="FixtureOpenStackClient"/>) or the simulator, and xunit runs these tests
/// for it next to the plugin's own.
/// </summary>
/// <remarks>
/// <para>What is checked: the entity type follows the naming rule; every entity of every page is
/// listed, once; each record is a JSON object; each declared volatile field occurs in the listed
/// entities (a misspelt name would leave a changing field in the hash); an empty service lists nothing;
/// when the poller is an <see cref="IEntityFetcher"/>, fetching each listed id returns the entity as the
/// list showed it and an unknown id returns <see langword="null"/>; when it is an
/// <see cref="INotificationMapper"/>, its sources and event types are declared and
/// <see cref="NotificationSamples"/> map to their ids.</para>
/// <para>xunit creates one instance of the derived class per test; share an expensive service (a
/// simulator) through a class fixture.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names are Method_Scenario_Expectation (STYLE.md).")]
public abstract class EntityPollerContractTests
{
    /// <summary>Gets the entity type the poller must declare, from the plugin's <c>&lt;Svc&gt;EntityTypes</c> constants.</summary>
    protected abstract string EntityType { get; }

    /// <summary>Gets an id that no entity of the populated service has. The default value is an all-zero UUID.</summary>
    protected virtual string UnknownId => "00000000-0000-4000-8000-000000000000";

    /// <summary>
    /// Gets the declared volatile fields that may be missing from the sample, for example fields that
    /// only exist at another microversion than the fixtures'. The default value is the empty set.
    /// </summary>
    protected virtual IReadOnlySet<string> VolatileFieldsAbsentFromSample { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets whether the poller must also implement <see cref="IEntityFetcher"/>. The default value is <see langword="true"/>.</summary>
    protected virtual bool RequiresFetcher => true;

    /// <summary>Gets notifications the poller's <see cref="INotificationMapper"/> must map, with their ids. The default value is none.</summary>
    protected virtual IEnumerable<NotificationSample> NotificationSamples => [];

    /// <summary>Creates the poller against a service holding entities over several pages.</summary>
    /// <returns>The poller and the ids it must list.</returns>
    protected abstract Task<PollerUnderTest> CreatePopulatedAsync();

    /// <summary>Creates the poller against a service that holds no entity of the type.</summary>
    /// <returns>The poller.</returns>
    protected abstract Task<IEntityPoller> CreateEmptyAsync();

    /// <summary>The entity type is the expected constant and follows <c>&lt;service&gt;.&lt;entity&gt;</c>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Descriptor_Name_IsTheDeclaredTypeAndFollowsTheRule()
    {
        var subject = await CreatePopulatedAsync();

        Assert.Equal(EntityType, subject.Poller.Descriptor.Name);
        Assert.True(EntityTypeDescriptor.IsValidName(subject.Poller.Descriptor.Name));
        Assert.True(subject.Poller.Descriptor.DefaultInterval > TimeSpan.Zero);
    }

    /// <summary>Every entity of every page is listed, and the sample spans more than one page.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListAsync_PopulatedService_ListsEveryEntityOfEveryPage()
    {
        var subject = await CreatePopulatedAsync();

        var records = await ListAllAsync(subject.Poller);

        if (subject.PageSize is { } pageSize)
        {
            Assert.True(subject.ExpectedIds.Count > pageSize, $"The sample holds {subject.ExpectedIds.Count} entities for page size {pageSize}: make it span several pages.");
        }

        Assert.Equal(subject.ExpectedIds.Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>No id is listed twice.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListAsync_PopulatedService_IdsAreUnique()
    {
        var subject = await CreatePopulatedAsync();

        var records = await ListAllAsync(subject.Poller);

        var duplicates = records.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.Id)));
    }

    /// <summary>Each record holds one JSON object.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListAsync_PopulatedService_EveryRecordIsAJsonObject()
    {
        var subject = await CreatePopulatedAsync();

        var records = await ListAllAsync(subject.Poller);

        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            using var document = JsonDocument.Parse(r.Json);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        });
    }

    /// <summary>Each declared volatile field occurs in at least one listed entity.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Descriptor_VolatileFields_OccurInTheListedEntities()
    {
        var subject = await CreatePopulatedAsync();

        var records = await ListAllAsync(subject.Poller);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            using var document = JsonDocument.Parse(record.Json);
            seen.UnionWith(document.RootElement.EnumerateObject().Select(p => p.Name));
        }

        var missing = subject.Poller.Descriptor.VolatileFields.Except(VolatileFieldsAbsentFromSample).Where(f => !seen.Contains(f));
        Assert.Empty(missing);
    }

    /// <summary>A service without entities gives an empty, complete listing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task ListAsync_EmptyService_ListsNothing()
    {
        var poller = await CreateEmptyAsync();

        var records = await ListAllAsync(poller);

        Assert.Empty(records);
    }

    /// <summary>Fetching each listed id returns the entity exactly as the list showed it, volatile fields aside.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetAsync_EveryListedId_ReturnsTheEntityAsListed()
    {
        var subject = await CreatePopulatedAsync();
        if (FetcherOf(subject.Poller) is not { } fetcher)
        {
            return;
        }

        var records = await ListAllAsync(subject.Poller);

        foreach (var listed in records)
        {
            var fetched = await fetcher.GetAsync(listed.Id, CancellationToken.None);
            Assert.True(fetched is not null, $"GetAsync('{listed.Id}') returned null for a listed entity.");
            Assert.Equal(listed.Id, fetched.Id);
            AssertSameEntity(listed, fetched, subject.Poller.Descriptor.VolatileFields);
        }
    }

    /// <summary>Fetching an id the service does not know returns <see langword="null"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        var subject = await CreatePopulatedAsync();
        if (FetcherOf(subject.Poller) is not { } fetcher)
        {
            return;
        }

        var fetched = await fetcher.GetAsync(UnknownId, CancellationToken.None);

        Assert.Null(fetched);
    }

    /// <summary>The mapper declares where it listens and what it reads, and maps each sample to its ids.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task EntityIds_Samples_ReadTheExpectedIds()
    {
        var subject = await CreatePopulatedAsync();
        var samples = NotificationSamples.ToList();
        if (subject.Poller is not INotificationMapper mapper)
        {
            Assert.True(samples.Count == 0, "NotificationSamples are given, but the poller is no INotificationMapper.");
            return;
        }

        Assert.NotEmpty(mapper.Targets);
        Assert.All(mapper.Targets, s => Assert.False(string.IsNullOrWhiteSpace(s.Exchange) || string.IsNullOrWhiteSpace(s.Topic)));
        Assert.NotEmpty(mapper.EventTypes);
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            Assert.True(mapper.Understands(sample.EventType), $"The mapper does not understand '{sample.EventType}'.");
            Assert.Equal(sample.ExpectedIds, mapper.EntityIds(sample.EventType, sample.Payload));
        }
    }

    /// <summary>An event type the mapper does not read, or a payload without an id, maps to nothing and does not throw.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task EntityIds_UnknownEventOrEmptyPayload_ReadsNothing()
    {
        var subject = await CreatePopulatedAsync();
        if (subject.Poller is not INotificationMapper mapper)
        {
            return;
        }

        using var empty = JsonDocument.Parse("{}");
        using var notAnObject = JsonDocument.Parse("[1, \"x\", null]");
        Assert.False(mapper.Understands("synchronizer.contract.unknown"));
        Assert.Empty(mapper.EntityIds("synchronizer.contract.unknown", empty.RootElement));
        foreach (var sample in NotificationSamples)
        {
            Assert.Empty(mapper.EntityIds(sample.EventType, empty.RootElement));
            Assert.Empty(mapper.EntityIds(sample.EventType, notAnObject.RootElement));
        }
    }

    /// <summary>Lists every record of <paramref name="poller"/> to the end.</summary>
    /// <param name="poller">The poller.</param>
    /// <returns>The records, in API order.</returns>
    protected static async Task<IReadOnlyList<EntityRecord>> ListAllAsync(IEntityPoller poller)
    {
        ArgumentNullException.ThrowIfNull(poller);
        var records = new List<EntityRecord>();
        await foreach (var record in poller.ListAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Asserts that two records hold the same JSON object, top-level <paramref name="ignoredFields"/> aside.</summary>
    /// <param name="expected">The record as listed.</param>
    /// <param name="actual">The record as fetched.</param>
    /// <param name="ignoredFields">Fields whose values may differ (the volatile fields).</param>
    protected static void AssertSameEntity(EntityRecord expected, EntityRecord actual, IReadOnlySet<string> ignoredFields)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(ignoredFields);
        using var left = JsonDocument.Parse(expected.Json);
        using var right = JsonDocument.Parse(actual.Json);
        var leftFields = Fields(left.RootElement, ignoredFields);
        var rightFields = Fields(right.RootElement, ignoredFields);
        Assert.Equal(leftFields.Keys.Order(StringComparer.Ordinal), rightFields.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in leftFields)
        {
            Assert.True(JsonElement.DeepEquals(value, rightFields[name]), $"Entity '{expected.Id}': field '{name}' is {value.GetRawText()} in the list but {rightFields[name].GetRawText()} when fetched.");
        }
    }

    private IEntityFetcher? FetcherOf(IEntityPoller poller)
    {
        if (poller is IEntityFetcher fetcher)
        {
            return fetcher;
        }

        Assert.False(RequiresFetcher, $"{poller.GetType().Name} does not implement IEntityFetcher.");
        return null;
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement entity, IReadOnlySet<string> ignoredFields) =>
        entity.EnumerateObject().Where(p => !ignoredFields.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
