using System.Text;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Tests.Replication;

public class NotificationReaderTests
{
    [Fact]
    public void Read_SynchronizersUpdateNotification_ReadsThePayload()
    {
        var change = NotificationReader.Read(Fixture.Read("synchronizer-notification.nova.instance.update.body.json"));

        Assert.Equal("nova.instance", change.EntityType);
        Assert.Equal("9168b536-cd40-4630-b43f-b259807c6e87", change.Id);
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(1042, change.Revision);
        Assert.Equal(["OS-EXT-STS:vm_state", "status"], change.ChangedFields);
        Assert.Equal("SHUTOFF", change.Entity.GetProperty("status").GetString());
        Assert.Equal("poll", change.Source);
    }

    [Fact]
    public void Read_SynchronizersDeleteNotification_ReadsTheLastKnownEntity()
    {
        var change = NotificationReader.Read(Fixture.Read("synchronizer-notification.nova.instance.delete.body.json"));

        Assert.Equal(ChangeAction.Delete, change.Action);
        Assert.Equal("new-server-test", change.Entity.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{\"event_type\": \"x\"}"}""")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{\"payload\": {\"id\": \"a\"}}"}""")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{\"payload\": {\"entity_type\": \"t\", \"id\": \"a\", \"action\": \"explode\", \"revision\": 1, \"hash\": \"h\", \"entity\": {}}}"}""")]
    public void Read_NotAChangeNotification_ThrowsInvalidData(string body)
    {
        Assert.Throws<InvalidDataException>(() => NotificationReader.Read(Encoding.UTF8.GetBytes(body)));
    }
}
