using Synchronizer.Core.Polling;

namespace Synchronizer.Core.Tests.Polling;

public class RefreshLedgerTests
{
    [Fact]
    public void RefreshedSince_StampAfterListingBegan_IsListed()
    {
        var sut = new RefreshLedger();
        sut.Stamp("before");
        var start = sut.BeginListing();

        sut.Stamp("after");

        Assert.Equal(["after"], sut.RefreshedSince(start));
    }

    [Fact]
    public void RefreshedSince_TwoListings_EachSeesOnlyStampsAfterItsOwnStart()
    {
        var sut = new RefreshLedger();
        var first = sut.BeginListing();
        sut.Stamp("a");
        var second = sut.BeginListing();
        sut.Stamp("b");

        Assert.Equal(["a", "b"], sut.RefreshedSince(first).Order(StringComparer.Ordinal));
        Assert.Equal(["b"], sut.RefreshedSince(second));

        sut.EndListing(first);

        Assert.Equal(["b"], sut.RefreshedSince(second));
    }

    [Fact]
    public void EndListing_LastListing_ForgetsEveryStamp()
    {
        var sut = new RefreshLedger();
        var start = sut.BeginListing();
        sut.Stamp("a");

        sut.EndListing(start);
        var next = sut.BeginListing();

        Assert.Empty(sut.RefreshedSince(next));
        Assert.Empty(sut.RefreshedSince(start));
    }

    [Fact]
    public void Stamp_NoListingRunning_KeepsNothing()
    {
        var sut = new RefreshLedger();
        sut.Stamp("a");

        var start = sut.BeginListing();

        Assert.Empty(sut.RefreshedSince(start));
        Assert.Empty(sut.RefreshedSince(-1));
    }
}
