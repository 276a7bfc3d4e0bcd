using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.Messaging.Topics;

namespace Synchronizer.Messaging.Tests.Topics;

public class TopicNameFormatterTests
{
    [Fact]
    public void InfoRoutingKey_DefaultPrefix_IsTopicDotInfo()
    {
        var sut = CreateSut(new MessagingOptions());

        Assert.Equal("synchronizer.nova.instance", sut.Topic("nova.instance"));
        Assert.Equal("synchronizer.nova.instance.info", sut.InfoRoutingKey("nova.instance"));
    }

    [Fact]
    public void Topic_ConfiguredPrefix_IsUsed()
    {
        var sut = CreateSut(new MessagingOptions { NotificationTopicPrefix = "inventory" });

        Assert.Equal("inventory.cinder.volume", sut.Topic("cinder.volume"));
    }

    private static TopicNameFormatter CreateSut(MessagingOptions options)
    {
        var monitor = Substitute.For<IOptionsMonitor<MessagingOptions>>();
        monitor.CurrentValue.Returns(options);
        return new TopicNameFormatter(monitor);
    }
}
