using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Tests.Configuration.Validation;

public class NearestNameTests
{
    [Theory]
    [InlineData("intervall", "interval")]
    [InlineData("Interval", "interval")]
    [InlineData("retry-interval", "retry_interval")]
    [InlineData("nova.instanse", "nova.instance")]
    public void Find_CloseMisspelling_TheMeantName(string written, string meant)
    {
        Assert.Equal(meant, NearestName.Find(written, ["enabled", "interval", "retry_interval", "jitter", "nova.instance", "nova.host"]));
    }

    [Fact]
    public void Find_NothingClose_Null()
    {
        Assert.Null(NearestName.Find("frobnicate", ["enabled", "interval", "jitter"]));
    }
}
