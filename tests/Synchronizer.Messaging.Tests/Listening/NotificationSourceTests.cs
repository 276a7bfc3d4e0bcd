using Synchronizer.Messaging.Listening;

namespace Synchronizer.Messaging.Tests.Listening;

public class NotificationSourceTests
{
    [Fact]
    public void ParseList_ContractDefault_TwoSourcesWithOwnQueues()
    {
        var sources = NotificationSource.ParseList("cinder", "openstack:notifications,cinder:notifications", "cinder");

        Assert.Equal(["synchronizer.openstack.notifications", "synchronizer.cinder.notifications"], sources.Select(s => s.QueueName("synchronizer")));
    }

    [Theory]
    [InlineData("nova")]
    [InlineData("nova:")]
    [InlineData("a:b:c")]
    public void ParseList_Malformed_NamesSectionKeyAndFix(string text)
    {
        var error = Assert.Throws<FormatException>(() => NotificationSource.ParseList("nova", text, "nova"));

        Assert.StartsWith("[openstack_notifications] nova:", error.Message, StringComparison.Ordinal);
        Assert.Contains("write for example", error.Message, StringComparison.Ordinal);
    }
}
