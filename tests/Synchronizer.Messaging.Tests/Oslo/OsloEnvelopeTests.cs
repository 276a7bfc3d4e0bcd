using System.Text;
using System.Text.Json;
using Synchronizer.Messaging.Oslo;

namespace Synchronizer.Messaging.Tests.Oslo;

public class OsloEnvelopeTests
{
    [Fact]
    public void Unwrap_RealNovaBodyFromOsloMessaging_GivesTheInnerMessage()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nova-instance.update.messagingv2.body.json"));

        using var inner = JsonDocument.Parse(OsloEnvelope.Unwrap(body));

        Assert.Equal("instance.update", inner.RootElement.GetProperty("event_type").GetString());
    }

    [Fact]
    public void Unwrap_VersionOneBareMessage_GivesTheBodyItself()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nova-instance.create.end.messaging-v1-no-envelope.body.json"));

        using var inner = JsonDocument.Parse(OsloEnvelope.Unwrap(body));

        Assert.Equal("instance.create.end", inner.RootElement.GetProperty("event_type").GetString());
    }

    [Fact]
    public void Wrap_ThenUnwrap_RoundTrips()
    {
        var message = Encoding.UTF8.GetBytes("""{"a":"b\"c","n":1}""");

        var wrapped = OsloEnvelope.Wrap(message);

        using var envelope = JsonDocument.Parse(wrapped);
        Assert.Equal("2.0", envelope.RootElement.GetProperty("oslo.version").GetString());
        Assert.Equal(message, OsloEnvelope.Unwrap(wrapped));
    }

    [Fact]
    public void Unwrap_NotJson_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => OsloEnvelope.Unwrap("not json"u8));
    }
}
