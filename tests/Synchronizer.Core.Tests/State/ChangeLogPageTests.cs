using Synchronizer.Core.State;

namespace Synchronizer.Core.Tests.State;

public class ChangeLogPageTests
{
    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(99, 100, false)]
    [InlineData(98, 100, true)]
    [InlineData(0, 2, true)]
    [InlineData(500, 100, false)]
    public void IsGone_RevisionAfterTheAskedOneNotRetained_IsGone(long after, long firstRetained, bool gone)
    {
        Assert.Equal(gone, ChangeLogPage.IsGone(after, firstRetained));
    }

    [Fact]
    public void HasMore_PageEndsBeforeCurrentRevision_IsTrue()
    {
        var page = new ChangeLogPage("nova.instance", 0, 3, 1, [TypeSnapshotTests.Change("a", Core.Changes.ChangeAction.Create, 1)]);

        Assert.True(page.HasMore);
        Assert.False(page with { Revision = 1 } is { HasMore: true });
        Assert.False(new ChangeLogPage("nova.instance", 3, 3, 1, []).HasMore);
    }
}
