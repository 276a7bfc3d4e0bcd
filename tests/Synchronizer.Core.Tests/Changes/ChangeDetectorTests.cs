using System.Collections.Immutable;
using System.Text;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Tests.Changes;

public class ChangeDetectorTests
{
    [Fact]
    public void Detect_EmptyBaseline_EveryEntityIsCreated()
    {
        var observed = Observed(("b", """{"id":"b"}"""), ("a", """{"id":"a"}"""));

        var changes = ChangeDetector.Detect(Baseline(), observed);

        Assert.Equal(["a", "b"], changes.Select(c => c.Id));
        Assert.All(changes, c => Assert.Equal(ChangeAction.Create, c.Action));
    }

    [Fact]
    public void Detect_SameEntities_NoChanges()
    {
        var baseline = Baseline(("a", """{"id":"a","v":1}"""));

        var changes = ChangeDetector.Detect(baseline, Observed(("a", """{"id":"a","v":1}""")));

        Assert.Empty(changes);
    }

    [Fact]
    public void Detect_ChangedHash_IsUpdateWithBothStates()
    {
        var baseline = Baseline(("a", """{"id":"a","v":1}"""));

        var change = Assert.Single(ChangeDetector.Detect(baseline, Observed(("a", """{"id":"a","v":2}"""))));

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("""{"id":"a","v":1}""", Encoding.UTF8.GetString(change.Previous!.Json.Span));
        Assert.Equal("""{"id":"a","v":2}""", Encoding.UTF8.GetString(change.Current!.Json.Span));
    }

    [Fact]
    public void Detect_VanishedId_IsDeleteCarryingLastState()
    {
        var baseline = Baseline(("a", """{"id":"a"}"""), ("b", """{"id":"b"}"""));

        var change = Assert.Single(ChangeDetector.Detect(baseline, Observed(("a", """{"id":"a"}"""))));

        Assert.Equal(ChangeAction.Delete, change.Action);
        Assert.Equal("b", change.Id);
        Assert.Null(change.Current);
        Assert.NotNull(change.Previous);
    }

    [Fact]
    public void Detect_Mixed_CreatesUpdatesDeletesInIdOrder()
    {
        var baseline = Baseline(("a", """{"id":"a"}"""), ("c", """{"id":"c","v":1}"""), ("d", """{"id":"d"}"""));
        var observed = Observed(("d", """{"id":"d"}"""), ("c", """{"id":"c","v":2}"""), ("b", """{"id":"b"}"""));

        var changes = ChangeDetector.Detect(baseline, observed);

        Assert.Equal(
            [("a", ChangeAction.Delete), ("b", ChangeAction.Create), ("c", ChangeAction.Update)],
            changes.Select(c => (c.Id, c.Action)));
    }

    [Fact]
    public void DetectOne_UnknownIdRead_IsCreate()
    {
        var change = ChangeDetector.DetectOne("a", null, Observed(("a", """{"id":"a"}"""))["a"]);

        Assert.Equal(ChangeAction.Create, change?.Action);
        Assert.Null(change?.Previous);
    }

    [Fact]
    public void DetectOne_KnownIdAnswered404_IsDeleteCarryingLastState()
    {
        var change = ChangeDetector.DetectOne("a", Baseline(("a", """{"id":"a"}"""))["a"], null);

        Assert.Equal(ChangeAction.Delete, change?.Action);
        Assert.NotNull(change?.Previous);
        Assert.Null(change?.Current);
    }

    [Fact]
    public void DetectOne_KnownIdNewHash_IsUpdate()
    {
        var change = ChangeDetector.DetectOne("a", Baseline(("a", """{"id":"a","v":1}"""))["a"], Observed(("a", """{"id":"a","v":2}"""))["a"]);

        Assert.Equal(ChangeAction.Update, change?.Action);
    }

    [Fact]
    public void DetectOne_SameHashOrUnknownAnd404_IsNothing()
    {
        Assert.Null(ChangeDetector.DetectOne("a", Baseline(("a", """{"id":"a"}"""))["a"], Observed(("a", """{"id":"a"}"""))["a"]));
        Assert.Null(ChangeDetector.DetectOne("a", null, null));
    }

    internal static ImmutableSortedDictionary<string, StoredEntity> Baseline(params (string Id, string Json)[] entities) =>
        entities.ToImmutableSortedDictionary(e => e.Id, e => new StoredEntity(e.Id, Hash(e.Json), Encoding.UTF8.GetBytes(e.Json), 1), StringComparer.Ordinal);

    internal static Dictionary<string, ObservedEntity> Observed(params (string Id, string Json)[] entities) =>
        entities.ToDictionary(e => e.Id, e => new ObservedEntity(e.Id, Hash(e.Json), Encoding.UTF8.GetBytes(e.Json)), StringComparer.Ordinal);

    private static ContentHash Hash(string json) => ContentHash.Of(Encoding.UTF8.GetBytes(json));
}
