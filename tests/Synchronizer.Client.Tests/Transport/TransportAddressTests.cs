using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Tests.Transport;

public class TransportAddressTests
{
    [Fact]
    public void Parse_SeveralHostsAndVhost_ReadsEveryEndpointAndHidesThePassword()
    {
        var address = TransportAddress.Parse("rabbit://sync:s%40cret@10.0.0.1:5673,sync:s%40cret@10.0.0.2/openstack");

        Assert.Equal(["10.0.0.1:5673", "10.0.0.2:5672"], address.Endpoints.Select(e => $"{e.HostName}:{e.Port}"));
        Assert.Equal("sync", address.UserName);
        Assert.Equal("s@cret", address.Password);
        Assert.Equal("openstack", address.VirtualHost);
        Assert.DoesNotContain("cret", address.ToString(), StringComparison.Ordinal);
        Assert.All(address.Endpoints, e => Assert.False(e.Ssl.Enabled));
    }

    [Fact]
    public void Parse_TlsScheme_EnablesTls()
    {
        var address = TransportAddress.Parse("rabbit+tls://guest:guest@broker.example.org:5671/");

        Assert.True(Assert.Single(address.Endpoints).Ssl.Enabled);
        Assert.Equal("/", address.VirtualHost);
    }

    [Theory]
    [InlineData("http://guest:guest@127.0.0.1/")]
    [InlineData("rabbit://guest:guest@127.0.0.1:99999/")]
    [InlineData("rabbit://guest:guest@/")]
    public void Parse_Invalid_ThrowsFormatExceptionWithoutThePassword(string url)
    {
        var error = Assert.Throws<FormatException>(() => TransportAddress.Parse(url));

        Assert.DoesNotContain("guest:guest", error.Message, StringComparison.Ordinal);
    }
}
