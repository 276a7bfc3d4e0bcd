using System.Text;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Tests.Storage;

/// <summary>
/// What every <see cref="IChangeStore"/> must do, run against each implementation so they behave
/// the same behind the interface. <see cref="Reopen"/> stands for a restart of the service.
/// </summary>
public abstract class ChangeStoreContractTests : IDisposable
{
    protected const string Type = "nova.instance";

    private static readonly DateTimeOffset SampledAt = new(2026, 11, 22, 10, 15, 30, 123, 456, TimeSpan.Zero);

    private IChangeStore? _store;

    protected IChangeStore Store => _store ??= Open(Retention);

    protected virtual int Retention => 5;

    [Fact]
    public async Task LoadAsync_NewType_EmptyAtRevisionZero()
    {
        var state = await Store.LoadAsync(Type, CancellationToken.None);

        Assert.Equal((0L, 0, 0), (state.Snapshot.Revision, state.Snapshot.Entities.Count, state.Unpublished.Count));
    }

    [Fact]
    public async Task AppendAsync_ThenReopen_BaselineAndUnpublishedChangesComeBackExactly()
    {
        var changes = new[] { Change(1, "a", ChangeAction.Create), Change(2, "b", ChangeAction.Create), Change(3, "a", ChangeAction.Update, "SHUTOFF") };
        await Store.AppendAsync(changes, CancellationToken.None);

        var state = await Reopen().LoadAsync(Type, CancellationToken.None);

        Assert.Equal(3, state.Snapshot.Revision);
        Assert.Equal(["a", "b"], state.Snapshot.Entities.Keys);
        var a = state.Snapshot.Entities["a"];
        Assert.Equal((3L, changes[2].Hash), (a.Revision, a.Hash));
        Assert.Equal(changes[2].Entity.ToArray(), a.Json.ToArray());
        Assert.Equal(changes.Length, state.Unpublished.Count);
        for (var i = 0; i < changes.Length; i++)
        {
            AssertSameChange(changes[i], state.Unpublished[i]);
        }
    }

    [Fact]
    public async Task AppendAsync_Delete_RemovesFromBaselineAndLogsLastState()
    {
        await Store.AppendAsync([Change(1, "a", ChangeAction.Create), Change(2, "a", ChangeAction.Delete)], CancellationToken.None);

        var state = await Reopen().LoadAsync(Type, CancellationToken.None);

        Assert.Empty(state.Snapshot.Entities);
        Assert.Equal(ChangeAction.Delete, state.Unpublished[1].Action);
        Assert.Equal(Change(2, "a", ChangeAction.Delete).Entity.ToArray(), state.Unpublished[1].Entity.ToArray());
    }

    [Fact]
    public async Task AppendAsync_NotContinuingTheRevision_ThrowsAndRecordsNothing()
    {
        await Store.AppendAsync([Change(1, "a", ChangeAction.Create)], CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AppendAsync([Change(2, "b", ChangeAction.Create), Change(4, "c", ChangeAction.Create)], CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AppendAsync([Change(1, "b", ChangeAction.Create)], CancellationToken.None));

        var state = await Reopen().LoadAsync(Type, CancellationToken.None);
        Assert.Equal((1L, 1), (state.Snapshot.Revision, state.Snapshot.Entities.Count));
    }

    [Fact]
    public async Task MarkPublishedAsync_PartOfTheChanges_OnlyTheRestStayUnpublished()
    {
        await Store.AppendAsync(Creates(1, 4), CancellationToken.None);

        await Store.MarkPublishedAsync(Type, 2, CancellationToken.None);
        await Store.MarkPublishedAsync(Type, 1, CancellationToken.None);

        var state = await Reopen().LoadAsync(Type, CancellationToken.None);
        Assert.Equal([3L, 4L], state.Unpublished.Select(c => c.Revision));
    }

    [Fact]
    public async Task MarkPublishedAsync_BeyondTheRevisionOrUnknownType_ClampsAndIgnores()
    {
        await Store.AppendAsync(Creates(1, 2), CancellationToken.None);

        await Store.MarkPublishedAsync(Type, 99, CancellationToken.None);
        await Store.MarkPublishedAsync("cinder.volume", 5, CancellationToken.None);
        await Store.AppendAsync(Creates(3, 3), CancellationToken.None);

        var state = await Reopen().LoadAsync(Type, CancellationToken.None);
        Assert.Equal([3L], state.Unpublished.Select(c => c.Revision));
        Assert.Equal(0, (await Store.LoadAsync("cinder.volume", CancellationToken.None)).Snapshot.Revision);
    }

    [Fact]
    public async Task AppendAsync_TwoTypes_KeepTheirOwnRevisions()
    {
        await Store.AppendAsync(Creates(1, 3), CancellationToken.None);
        await Store.AppendAsync([Change(1, "v", ChangeAction.Create, type: "cinder.volume")], CancellationToken.None);

        var store = Reopen();

        Assert.Equal(3, (await store.LoadAsync(Type, CancellationToken.None)).Snapshot.Revision);
        Assert.Equal(["v"], (await store.LoadAsync("cinder.volume", CancellationToken.None)).Snapshot.Entities.Keys);
    }

    [Fact]
    public async Task ReadChangesAsync_PublishedBeyondRetention_IsGoneAndTheRetainedRangeIsDense()
    {
        await Store.AppendAsync(Creates(1, 40), CancellationToken.None);
        await Store.MarkPublishedAsync(Type, 40, CancellationToken.None);
        await Store.AppendAsync(Creates(41, 41), CancellationToken.None);

        var store = Reopen();
        var first = (await store.ReadChangesAsync(Type, 40, 10, CancellationToken.None)).FirstRetainedRevision;
        var gone = await store.ReadChangesAsync(Type, first - 2, 100, CancellationToken.None);
        var kept = await store.ReadChangesAsync(Type, first - 1, 100, CancellationToken.None);

        Assert.InRange(41 - first + 1, Retention, 2 * Retention);
        Assert.True(gone.RevisionGone);
        Assert.Empty(gone.Changes);
        Assert.False(kept.RevisionGone);
        Assert.Equal(Enumerable.Range((int)first, 41 - (int)first + 1).Select(r => (long)r), kept.Changes.Select(c => c.Revision));
    }

    [Fact]
    public async Task ReadChangesAsync_UnpublishedBeyondRetention_AreKept()
    {
        await Store.AppendAsync(Creates(1, 30), CancellationToken.None);
        await Store.MarkPublishedAsync(Type, 10, CancellationToken.None);

        var page = await Reopen().ReadChangesAsync(Type, 10, 100, CancellationToken.None);

        Assert.False(page.RevisionGone);
        Assert.Equal(Enumerable.Range(11, 20).Select(r => (long)r), page.Changes.Select(c => c.Revision));
        Assert.Equal(20, (await Store.LoadAsync(Type, CancellationToken.None)).Unpublished.Count);
    }

    [Fact]
    public async Task ReadChangesAsync_Limit_OldestFirstWithMoreToCome()
    {
        await Store.AppendAsync(Creates(1, 5), CancellationToken.None);

        var page = await Store.ReadChangesAsync(Type, 1, 2, CancellationToken.None);

        Assert.Equal([2L, 3L], page.Changes.Select(c => c.Revision));
        Assert.True(page.HasMore);
        Assert.Equal(5, page.Revision);
        AssertSameChange(Creates(2, 2)[0], page.Changes[0]);
    }

    [Fact]
    public async Task ReadChangesAsync_AtCurrentRevisionOrUnknownType_EmptyNotGone()
    {
        await Store.AppendAsync(Creates(1, 2), CancellationToken.None);

        var current = await Store.ReadChangesAsync(Type, 2, 10, CancellationToken.None);
        var unknown = await Store.ReadChangesAsync("heat.stack", 0, 10, CancellationToken.None);

        Assert.Equal((0, false, false), (current.Changes.Count, current.RevisionGone, current.HasMore));
        Assert.Equal((0L, 0, false), (unknown.Revision, unknown.Changes.Count, unknown.RevisionGone));
    }

    [Fact]
    public async Task ReadChangesAsync_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadChangesAsync(Type, -1, 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadChangesAsync(Type, 0, 0, CancellationToken.None));
    }

    public void Dispose()
    {
        (_store as IDisposable)?.Dispose();
        Cleanup();
        GC.SuppressFinalize(this);
    }

    internal static EntityChange Change(long revision, string id, ChangeAction action, string status = "ACTIVE", string type = Type)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","name":"server \u00e9 {{id}}","status":"{{status}}"}""");
        IReadOnlyList<string> fields = action == ChangeAction.Update ? ["OS-EXT-STS:vm_state", "status"] : [];
        var source = action == ChangeAction.Update ? ChangeSource.Notification : ChangeSource.Poll;
        return new EntityChange(type, id, action, revision, ContentHash.Of(json), json, fields, source, SampledAt.AddSeconds(revision));
    }

    internal static List<EntityChange> Creates(long from, long through) =>
        [.. Enumerable.Range((int)from, (int)(through - from + 1)).Select(r => Change(r, $"e{r:D5}", ChangeAction.Create))];

    /// <summary>Opens a store over the same state as the previous one.</summary>
    protected abstract IChangeStore Open(int retention);

    /// <summary>Closes the store and opens it again, as a restart would; a store without durable state returns itself.</summary>
    protected virtual IChangeStore Reopen() => Store;

    protected virtual void Cleanup()
    {
    }

    protected void Replace(IChangeStore store) => _store = store;

    private static void AssertSameChange(EntityChange expected, EntityChange actual)
    {
        Assert.Equal(
            (expected.EntityType, expected.Id, expected.Action, expected.Revision, expected.Hash, expected.Source, expected.SampledAt),
            (actual.EntityType, actual.Id, actual.Action, actual.Revision, actual.Hash, actual.Source, actual.SampledAt));
        Assert.Equal(expected.Entity.ToArray(), actual.Entity.ToArray());
        Assert.Equal(expected.ChangedFields, actual.ChangedFields);
    }
}
