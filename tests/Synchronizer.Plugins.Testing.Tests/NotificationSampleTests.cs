using System.Text;
using System.Text.Json;

namespace Synchronizer.Plugins.Testing.Tests;

public class NotificationSampleTests
{
    [Fact]
    public void FromMessage_DecodedMessage_ReadsEventTypeAndPayload()
    {
        var sample = NotificationSample.FromMessage(Encoding.UTF8.GetBytes("""{"event_type": "volume.create.end", "payload": {"volume_id": "v"}}"""), "v");

        Assert.Equal("volume.create.end", sample.EventType);
        Assert.Equal("v", sample.Payload.GetProperty("volume_id").GetString());
        Assert.Equal(["v"], sample.ExpectedIds);
    }

    [Fact]
    public void FromMessage_OsloEnvelope_Unwraps()
    {
        var inner = JsonSerializer.Serialize(new { event_type = "instance.update", payload = new { id = 1 } });
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["oslo.version"] = "2.0", ["oslo.message"] = inner });

        var sample = NotificationSample.FromMessage(body);

        Assert.Equal("instance.update", sample.EventType);
        Assert.Equal(1, sample.Payload.GetProperty("id").GetInt32());
    }

    [Fact]
    public void FromMessage_NoEventType_Throws()
    {
        Assert.Throws<ArgumentException>(() => NotificationSample.FromMessage(Encoding.UTF8.GetBytes("""{"payload": {}}""")));
    }
}
