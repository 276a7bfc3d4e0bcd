using Synchronizer.Messaging.Listening;

namespace Synchronizer.Messaging.Tests.Listening;

public class OpenStackNotificationReaderTests
{
    private static readonly NotificationSource Nova = new("nova", "nova", "versioned_notifications");

    [Theory]
    [InlineData("nova-instance.update.messagingv2.body.json", "instance.update", "nova-compute:fake-mini")]
    [InlineData("nova-instance.delete.end.messagingv2.body.json", "instance.delete.end", "nova-compute:compute")]
    [InlineData("nova-instance.create.end.messaging-v1-no-envelope.body.json", "instance.create.end", "nova-compute:compute")]
    [InlineData("cinder-volume.create.end.messagingv2.body.json", "volume.create.end", null)]
    [InlineData("heat-orchestration.stack.create.end.messagingv2.body.json", "orchestration.stack.create.end", null)]
    public void TryRead_RealOpenStackBodies_ReadsEventTypeAndPayload(string fixture, string eventType, string? publisher)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));

        Assert.True(OpenStackNotificationReader.TryRead(body, Nova, out var notification, out var problem), problem);

        Assert.Equal(eventType, notification!.EventType);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, notification.Payload.ValueKind);
        Assert.NotNull(notification.Timestamp);
        if (publisher is not null)
        {
            Assert.Equal(publisher, notification.PublisherId);
        }
    }

    [Fact]
    public void TryRead_OsloTimestamp_IsUtc()
    {
        var body = """{"event_type": "x.y", "payload": {}, "timestamp": "2012-10-29 13:42:11.721083"}"""u8.ToArray();

        OpenStackNotificationReader.TryRead(body, Nova, out var notification, out _);

        Assert.Equal(new DateTimeOffset(2012, 10, 29, 13, 42, 11, 721, 83, TimeSpan.Zero), notification!.Timestamp);
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("""{"payload": {}}""", "no event_type")]
    [InlineData("""{"event_type": "", "payload": {}}""", "no event_type")]
    [InlineData("""{"event_type": "instance.update", "payload": "text"}""", "no payload object")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": 42}""", "not JSON")]
    [InlineData("""{"oslo.version": "2.0", "oslo.message": "{truncated"}""", "not JSON")]
    public void TryRead_Poison_SaysWhy(string body, string reason)
    {
        Assert.False(OpenStackNotificationReader.TryRead(System.Text.Encoding.UTF8.GetBytes(body), Nova, out var notification, out var problem));

        Assert.Null(notification);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
