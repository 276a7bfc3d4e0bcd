using System.Text.Json;
using Synchronizer.Plugins.Abstractions.Notifications;

namespace Synchronizer.Plugins.Abstractions.Tests.Notifications;

public class NotificationPayloadTests
{
    private const string Payload = """{"nova_object.data": {"uuid": "178b0921-8f85-4257-88b6-2e743b5a975c", "metadata": {}, "n": 7, "empty": ""}, "volume_id": "v"}""";

    [Theory]
    [InlineData("178b0921-8f85-4257-88b6-2e743b5a975c", "nova_object.data", "uuid")]
    [InlineData("v", "volume_id")]
    public void GetString_ExistingPath_ReturnsTheString(string expected, params string[] path)
    {
        using var document = JsonDocument.Parse(Payload);

        Assert.Equal(expected, NotificationPayload.GetString(document.RootElement, path));
    }

    [Theory]
    [InlineData("nova_object.data", "missing")]
    [InlineData("nova_object.data", "n")]
    [InlineData("nova_object.data", "empty")]
    [InlineData("nova_object.data", "metadata")]
    [InlineData("volume_id", "deeper")]
    [InlineData("absent", "uuid")]
    public void GetString_MissingOrNotAString_ReturnsNull(params string[] path)
    {
        using var document = JsonDocument.Parse(Payload);

        Assert.Null(NotificationPayload.GetString(document.RootElement, path));
    }

    [Fact]
    public void GetString_PayloadNotAnObject_ReturnsNull()
    {
        using var document = JsonDocument.Parse("[1, 2]");

        Assert.Null(NotificationPayload.GetString(document.RootElement, "volume_id"));
    }

    [Fact]
    public void NotificationTarget_PrintsAsTheConfigurationWritesIt()
    {
        Assert.Equal("nova:versioned_notifications", new NotificationTarget("nova", "versioned_notifications").ToString());
    }
}
