using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Tests.AdminApi;

public class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc123", true)]
    [InlineData("bearer abc123", true)]
    [InlineData("Bearer  abc123 ", true)]
    [InlineData("Bearer abc1234", false)]
    [InlineData("Bearer abc12", false)]
    [InlineData("Bearer ", false)]
    [InlineData("Basic abc123", false)]
    [InlineData("abc123", false)]
    [InlineData(null, false)]
    public void Accepts_Header_OnlyTheExactTokenWithTheBearerScheme(string? header, bool expected)
    {
        Assert.Equal(expected, new BearerToken("abc123").Accepts(header));
    }
}
