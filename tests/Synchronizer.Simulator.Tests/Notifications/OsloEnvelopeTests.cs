using System.Text.Json;
using Synchronizer.Simulator.Notifications;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Notifications;

public sealed class OsloEnvelopeTests
{
    [Fact]
    public void Build_Message_WrapsItAsAJsonStringLikeTheWireFixture()
    {
        var body = OsloEnvelope.Build("nova-compute:h", "instance.update", "INFO", new DateTime(2026, 11, 22, 10, 0, 0, 123, DateTimeKind.Utc), w =>
        {
            w.WriteStartObject();
            w.WriteString("k", "v & \"quoted\"");
            w.WriteEndObject();
        }, w => w.WriteNull("_context_auth_token"));

        using var envelope = JsonDocument.Parse(body);
        var wire = Fixtures.Load("oslo/nova-instance.update.body.json");
        Assert.Equal(JsonShape.Keys(wire).Order(StringComparer.Ordinal), JsonShape.Keys(envelope.RootElement).Order(StringComparer.Ordinal));
        Assert.Equal("2.0", envelope.RootElement.GetProperty("oslo.version").GetString());
        using var message = JsonDocument.Parse(envelope.RootElement.GetProperty("oslo.message").GetString()!);
        Assert.Equal("2026-11-22 10:00:00.123000", message.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal("v & \"quoted\"", message.RootElement.GetProperty("payload").GetProperty("k").GetString());
        Assert.Equal(
            ["message_id", "publisher_id", "event_type", "priority", "payload", "timestamp", "_unique_id", "_context_auth_token"],
            message.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("rabbit://guest:guest@127.0.0.1:5682/", "127.0.0.1", 5682, "guest", "/")]
    [InlineData("rabbit://u:p%40ss@h1:5672,u:p@h2:5672/openstack", "h1", 5672, "p@ss", "openstack")]
    [InlineData("rabbit://broker", "broker", 5672, "guest", "/")]
    public void Parse_TransportUrl_ReadsFirstHost(string url, string host, int port, string password, string vhost)
    {
        var parsed = OsloTransportUrl.Parse(url);

        Assert.Equal((host, port, password, vhost), (parsed.Host, parsed.Port, parsed.Password, parsed.VirtualHost));
    }

    [Fact]
    public void Parse_NotRabbit_Throws()
    {
        Assert.Throws<ArgumentException>(() => OsloTransportUrl.Parse("amqp://localhost"));
    }
}
