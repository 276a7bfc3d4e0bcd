using System.Text;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Watching;

namespace Synchronizer.Client.Tests.Watching;

public class ChangeNotificationReaderTests
{
    [Fact]
    public void Read_SynchronizersUpdateNotification_ReadsTheMessageAndThePayload()
    {
        var notification = ChangeNotificationReader.Read(Fixture.Read("synchronizer-notification.nova.instance.update.body.json"));

        Assert.Equal("bda666e7-bf16-414e-a5fd-a0a7754d918d", notification.MessageId);
        Assert.Equal("nova.instance.update", notification.EventType);
        Assert.Equal("synchronizer.sync-1", notification.PublisherId);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 15, 30, 123, 456, TimeSpan.Zero), notification.PublishedAt);
        Assert.Equal(ChangeAction.Update, notification.Change.Action);
        Assert.Equal(1042, notification.Change.Revision);
        Assert.Equal(["OS-EXT-STS:vm_state", "status"], notification.Change.ChangedFields);
        Assert.Equal("INFO", notification.Message.GetProperty("priority").GetString());
        Assert.Equal(notification.Change.Id, notification.Message.GetProperty("payload").GetProperty("id").GetString());
    }

    [Fact]
    public void Read_NoTimestampNorEventType_LeavesTheTimeOutAndDerivesTheEventType()
    {
        var body = Envelope("""{"message_id": "m-1", "payload": {"entity_type": "heat.stack", "id": "s", "action": "delete", "revision": 3, "hash": "xxh3-64:0000000000000000", "entity": {"id": "s"}}}""");

        var notification = ChangeNotificationReader.Read(body);

        Assert.Null(notification.PublishedAt);
        Assert.Null(notification.PublisherId);
        Assert.Equal("heat.stack.delete", notification.EventType);
    }

    [Theory]
    [InlineData("2026-11-22 10:15:30", 0)]
    [InlineData("2026-11-22 10:15:30.000250", 250)]
    public void Read_OsloTimestamps_ReadAsUtc(string timestamp, int microseconds)
    {
        var body = Envelope("""{"message_id": "m", "timestamp": "TIMESTAMP", "payload": {"entity_type": "t.e", "id": "a", "action": "create", "revision": 1, "hash": "h", "entity": {}}}""".Replace("TIMESTAMP", timestamp, StringComparison.Ordinal));

        var notification = ChangeNotificationReader.Read(body);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 15, 30, 0, microseconds, TimeSpan.Zero), notification.PublishedAt);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{\"event_type\": \"x\"}"}""")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{\"payload\": {\"id\": \"a\"}}"}""")]
    public void Read_NotAChangeNotification_ThrowsInvalidData(string body)
    {
        Assert.Throws<InvalidDataException>(() => ChangeNotificationReader.Read(Encoding.UTF8.GetBytes(body)));
    }

    private static byte[] Envelope(string message) =>
        Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["oslo.version"] = "2.0", ["oslo.message"] = message }));
}
