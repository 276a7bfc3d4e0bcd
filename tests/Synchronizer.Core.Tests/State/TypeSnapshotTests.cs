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

    internal static EntityChange Change(string id, ChangeAction action, long revision, string type = "nova.instance")
    {
        var json = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}"}""");
        return new EntityChange(type, id, action, revision, ContentHash.Of(json), json, [], ChangeSource.Poll, DateTimeOffset.UnixEpoch);
    }
}
