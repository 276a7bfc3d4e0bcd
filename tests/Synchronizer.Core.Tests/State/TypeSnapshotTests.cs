using System.Text;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Tests.State;

public class TypeSnapshotTests
{
    [Fact]
    public void Apply_DenseChanges_AdvancesRevisionAndLeavesOriginalUntouched()
    {
        var empty = TypeSnapshot.Empty("nova.instance");

        var next = empty.Apply([Change("a", ChangeAction.Create, 1), Change("b", ChangeAction.Create, 2), Change("a", ChangeAction.Delete, 3)]);

        Assert.Equal(3, next.Revision);
        Assert.Equal(["b"], next.Entities.Keys);
        Assert.Equal(2, next.Entities["b"].Revision);
        Assert.Empty(empty.Entities);
        Assert.Equal(0, empty.Revision);
    }

    [Fact]
    public void Apply_RevisionGap_Throws()
    {
        var empty = TypeSnapshot.Empty("nova.instance");

        Assert.Throws<InvalidOperationException>(() => empty.Apply([Change("a", ChangeAction.Create, 2)]));
    }

    [Fact]
    public void Apply_OtherType_Throws()
    {
        var empty = TypeSnapshot.Empty("cinder.volume");

        Assert.Throws<InvalidOperationException>(() => empty.Apply([Change("a", ChangeAction.Create, 1)]));
    }

    [Fact]
    public void Page_NoMarker_FirstEntitiesInOrdinalIdOrderWithNextMarker()
    {
        var snapshot = Snapshot("b", "a", "C", "c");

        var page = snapshot.Page(null, 2);

        Assert.Equal(["C", "a"], page.Entities.Select(e => e.Id));
        Assert.Equal("a", page.NextMarker);
        Assert.Equal(snapshot.Revision, page.Revision);
    }

    [Fact]
    public void Page_FollowingMarkers_VisitsEveryEntityOnceAndEndsWithoutMarker()
    {
        var snapshot = Snapshot([.. Enumerable.Range(0, 10).Select(i => $"id{i:D2}")]);
        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = snapshot.Page(marker, 3);
            seen.AddRange(page.Entities.Select(e => e.Id));
            marker = page.NextMarker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(snapshot.Entities.Keys, seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public void Page_ExactMultipleOfLimit_LastFullPageHasNoMarker()
    {
        var snapshot = Snapshot("a", "b", "c", "d");

        var second = snapshot.Page("b", 2);

        Assert.Equal(["c", "d"], second.Entities.Select(e => e.Id));
        Assert.Null(second.NextMarker);
    }

    [Fact]
    public void Page_MarkerNotInSnapshot_ContinuesAfterIt()
    {
        var snapshot = Snapshot("a", "c", "e");

        Assert.Equal(["c", "e"], snapshot.Page("b", 10).Entities.Select(e => e.Id));
        Assert.Empty(snapshot.Page("z", 10).Entities);
        Assert.Null(snapshot.Page("z", 10).NextMarker);
    }

    [Fact]
    public void Page_OlderSnapshotAfterApply_StillPagesItsOwnState()
    {
        var before = Snapshot("a", "b");
        _ = before.Page(null, 1);

        var after = before.Apply([Change("c", ChangeAction.Create, 3), Change("a", ChangeAction.Delete, 4)]);

        Assert.Equal(["a", "b"], before.Page(null, 10).Entities.Select(e => e.Id));
        Assert.Equal(["b", "c"], after.Page(null, 10).Entities.Select(e => e.Id));
        Assert.Equal(4, after.Page(null, 10).Revision);
    }

    [Fact]
    public void Page_WithFilter_ReturnsOnlyMatchesAndNoMarkerWhenNoMoreMatch()
    {
        var snapshot = Snapshot("a1", "b2", "c1", "d2", "e1", "f2");
        static bool Odd(StoredEntity e) => e.Id.EndsWith('1');

        var first = snapshot.Page(null, 2, Odd);
        var second = snapshot.Page(first.NextMarker, 2, Odd);

        Assert.Equal(["a1", "c1"], first.Entities.Select(e => e.Id));
        Assert.Equal("c1", first.NextMarker);
        Assert.Equal(["e1"], second.Entities.Select(e => e.Id));
        Assert.Null(second.NextMarker);
    }

    [Fact]
    public void Page_FilterWhoseLastMatchFillsThePage_HasNoMarker()
    {
        var snapshot = Snapshot("a1", "b2", "c1", "d2");

        var page = snapshot.Page(null, 2, e => e.Id.EndsWith('1'));

        Assert.Equal(["a1", "c1"], page.Entities.Select(e => e.Id));
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public void Page_Empty_ReturnsNothing()
    {
        var page = TypeSnapshot.Empty("nova.instance").Page(null, 1000);

        Assert.Empty(page.Entities);
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public void Page_LimitBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Snapshot("a").Page(null, 0));
    }

    internal static TypeSnapshot Snapshot(params string[] ids) =>
        TypeSnapshot.Empty("nova.instance").Apply([.. ids.Select((id, i) => Change(id, ChangeAction.Create, i + 1))]);

    internal static EntityChange Change(string id, ChangeAction action, long revision, string type = "nova.instance")
    {
        var json = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}"}""");
        return new EntityChange(type, id, action, revision, ContentHash.Of(json), json, [], ChangeSource.Poll, DateTimeOffset.UnixEpoch);
    }
}
