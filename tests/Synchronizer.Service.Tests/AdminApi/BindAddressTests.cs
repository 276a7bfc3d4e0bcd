using System.Net;
using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Tests.AdminApi;

public class BindAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:9480", "127.0.0.1", 9480)]
    [InlineData(" 0.0.0.0:80 ", "0.0.0.0", 80)]
    [InlineData("[::1]:9480", "::1", 9480)]
    [InlineData("[::]:0", "::", 0)]
    [InlineData("localhost:9480", "127.0.0.1", 9480)]
    public void TryParse_Valid_GivesAddressAndPort(string text, string address, int port)
    {
        Assert.True(BindAddress.TryParse(text, out var endpoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endpoint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9480")]
    [InlineData(":9480")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("::1:9480")]
    [InlineData("example.org:9480")]
    public void TryParse_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(BindAddress.TryParse(text, out _));
    }
}
