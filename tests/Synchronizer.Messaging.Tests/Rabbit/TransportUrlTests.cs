using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Messaging.Tests.Rabbit;

public class TransportUrlTests
{
    [Fact]
    public void Parse_SingleHost_ReadsCredentialsHostPortAndDefaultVhost()
    {
        var url = TransportUrl.Parse("rabbit://guest:p%40ss@127.0.0.1:5682/");

        var host = Assert.Single(url.Hosts);
        Assert.Equal(("guest", "p@ss", "127.0.0.1", 5682), (host.UserName, host.Password, host.Host, host.Port));
        Assert.Equal("/", url.VirtualHost);
        Assert.False(url.UseTls);
    }

    [Fact]
    public void Parse_SeveralHostsAndVhost_ReadsEach()
    {
        var url = TransportUrl.Parse("rabbit+tls://a:1@h1:5671,b:2@h2/openstack?ssl=1");

        Assert.Equal(["h1", "h2"], url.Hosts.Select(h => h.Host));
        Assert.Equal(5672, url.Hosts[1].Port);
        Assert.Equal("openstack", url.VirtualHost);
        Assert.True(url.UseTls);
    }

    [Fact]
    public void ToString_NeverShowsPasswords()
    {
        var url = TransportUrl.Parse("rabbit://nova:SuperSecret1@h1:5672,nova:SuperSecret2@h2:5672/nova");

        var text = url.ToString();

        Assert.Equal("rabbit://nova:***@h1:5672,nova:***@h2:5672/nova", text);
        Assert.DoesNotContain("SuperSecret", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://guest:hunter2@host/")]
    [InlineData("guest:hunter2@host")]
    [InlineData("rabbit://guest:hunter2@host:notaport/")]
    [InlineData("rabbit://guest:hunter2@:5672/")]
    public void Parse_Malformed_ThrowsWithoutThePassword(string text)
    {
        var error = Assert.Throws<FormatException>(() => TransportUrl.Parse(text));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rabbit://guest:hunter2@127.0.0.1:5672/", "rabbit://guest:***@127.0.0.1:5672/")]
    [InlineData("rabbit://a:hunter2@h1:99999,b:hunter2@h2/nova", "rabbit://a:***@h1:99999,b:***@h2/nova")]
    [InlineData("http://guest:hunter2@host/", "http://guest:***@host/")]
    [InlineData("guest:hunter2@host", "guest:***@host")]
    [InlineData("rabbit://guest:hun@ter2@host/", "rabbit://guest:***@host/")]
    [InlineData("rabbit://guest:hun/ter2@host/", "rabbit://***@host/")]
    [InlineData("rabbit://guest:hun,ter2@host/", "rabbit://***@host/")]
    [InlineData("rabbit://host:5672/", "rabbit://host:5672/")]
    [InlineData("htp:/x", "htp:/x")]
    public void Redact_AnyUrlEvenMalformed_ShowsNoPassword(string text, string expected)
    {
        var shown = TransportUrl.Redact(text);

        Assert.Equal(expected, shown);
        Assert.DoesNotContain("hunter2", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("ter2", shown, StringComparison.Ordinal);
    }
}
