using Synchronizer.Core.Changes;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Tests.State;

public class InMemoryChangeStoreTests
{
    private const string Type = "nova.instance";

    [Fact]
    public async Task LoadAsync_NewType_EmptyAtRevisionZero()
    {
        var sut = CreateSut();

        var state = await sut.LoadAsync(Type, CancellationToken.None);

        Assert.Equal(0, state.Snapshot.Revision);
        Assert.Empty(state.Snapshot.Entities);
        Assert.Empty(state.Unpublished);
    }

    [Fact]
    public async Task AppendAsync_ThenMarkPart_LoadReturnsTheRestInOrder()
    {
        var sut = CreateSut();
        await sut.AppendAsync(Changes(1, 5), CancellationToken.None);

        await sut.MarkPublishedAsync(Type, 2, CancellationToken.None);
        var state = await sut.LoadAsync(Type, CancellationToken.None);

        Assert.Equal([3L, 4L, 5L], state.Unpublished.Select(c => c.Revision));
        Assert.Equal(5, state.Snapshot.Revision);
    }

    [Fact]
    public async Task AppendAsync_RevisionGap_ThrowsAndRecordsNothing()
    {
        var sut = CreateSut();
        await sut.AppendAsync(Changes(1, 2), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.AppendAsync(Changes(4, 4), CancellationToken.None));

        Assert.Equal(2, (await sut.LoadAsync(Type, CancellationToken.None)).Snapshot.Revision);
    }

    [Fact]
    public async Task ReadChangesAsync_PublishedBeyondRetention_OlderRevisionIsGone()
    {
        var sut = CreateSut(retention: 3);
        await sut.AppendAsync(Changes(1, 10), CancellationToken.None);
        await sut.MarkPublishedAsync(Type, 10, CancellationToken.None);

        var gone = await sut.ReadChangesAsync(Type, 6, 100, CancellationToken.None);
        var kept = await sut.ReadChangesAsync(Type, 7, 100, CancellationToken.None);

        Assert.True(gone.RevisionGone);
        Assert.Empty(gone.Changes);
        Assert.Equal(8, gone.FirstRetainedRevision);
        Assert.False(kept.RevisionGone);
        Assert.Equal([8L, 9L, 10L], kept.Changes.Select(c => c.Revision));
    }

    [Fact]
    public async Task ReadChangesAsync_UnpublishedBeyondRetention_AreNeverDropped()
    {
        var sut = CreateSut(retention: 2);
        await sut.AppendAsync(Changes(1, 10), CancellationToken.None);
        await sut.MarkPublishedAsync(Type, 5, CancellationToken.None);

        var page = await sut.ReadChangesAsync(Type, 5, 100, CancellationToken.None);

        Assert.Equal(6, page.FirstRetainedRevision);
        Assert.Equal([6L, 7L, 8L, 9L, 10L], page.Changes.Select(c => c.Revision));
        Assert.True((await sut.ReadChangesAsync(Type, 4, 100, CancellationToken.None)).RevisionGone);
    }

    [Fact]
    public async Task ReadChangesAsync_Limit_ReturnsOldestFirstAndSaysMore()
    {
        var sut = CreateSut();
        await sut.AppendAsync(Changes(1, 10), CancellationToken.None);

        var page = await sut.ReadChangesAsync(Type, 3, 4, CancellationToken.None);

        Assert.Equal([4L, 5L, 6L, 7L], page.Changes.Select(c => c.Revision));
        Assert.True(page.HasMore);
        Assert.Equal(10, page.Revision);
    }

    [Fact]
    public async Task ReadChangesAsync_AtOrAfterCurrentRevision_EmptyAndNotGone()
    {
        var sut = CreateSut();
        await sut.AppendAsync(Changes(1, 3), CancellationToken.None);

        var page = await sut.ReadChangesAsync(Type, 3, 10, CancellationToken.None);

        Assert.Empty(page.Changes);
        Assert.False(page.RevisionGone);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ReadChangesAsync_BadArguments_Throw()
    {
        var sut = CreateSut();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.ReadChangesAsync(Type, -1, 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.ReadChangesAsync(Type, 0, 0, CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_ManyChangesPastRetention_LogStaysBounded()
    {
        var sut = CreateSut(retention: 160);
        for (var revision = 1; revision <= 1000; revision++)
        {
            await sut.AppendAsync(Changes(revision, revision), CancellationToken.None);
            await sut.MarkPublishedAsync(Type, revision, CancellationToken.None);
        }

        var page = await sut.ReadChangesAsync(Type, 0, 1, CancellationToken.None);

        Assert.True(page.RevisionGone);
        Assert.InRange(1000 - page.FirstRetainedRevision + 1, 160, 160 + (160 / 16));
    }

    [Fact]
    public void Constructor_RetentionBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryChangeStore(0));
    }

    private static InMemoryChangeStore CreateSut(int retention = 100) => new(retention);

    private static List<EntityChange> Changes(long from, long through) =>
        [.. Enumerable.Range((int)from, (int)(through - from + 1)).Select(r => TypeSnapshotTests.Change($"e{r % 4}", ChangeAction.Create, r))];
}
