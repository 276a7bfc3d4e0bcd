using System.Text.Json;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Notifications;

/// <summary>Cinder's legacy notifications per change, against the generated cinder samples and wire fixture.</summary>
public sealed class CinderNotifierTests
{
    [Fact]
    public async Task Created_Volume_SendsCreateStartAndEndOnOpenstackExchange()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateVolumeAsync("vol-001", size: 10);

        var sent = NotificationCapture.Drain(sut);

        Assert.Equal(["volume.create.start", "volume.create.end"], sent.Select(n => n.EventType));
        Assert.All(sent, n =>
        {
            Assert.Equal("openstack", n.Exchange);
            Assert.Equal("notifications.info", n.RoutingKey);
            Assert.Equal(id, n.Payload.GetProperty("volume_id").GetString());
            Assert.Equal("volume.sim-storage@lvmdriver-1#lvmdriver-1", n.Message.GetProperty("publisher_id").GetString());
        });
        Assert.Equal("creating", sent[0].Payload.GetProperty("status").GetString());
        Assert.Equal("available", sent[1].Payload.GetProperty("status").GetString());
        AssertPayloadLikeSample("cinder.volume.create.end", sent[1].Payload);
    }

    [Fact]
    public async Task Created_Volume_MessageHasCindersContextKeys()
    {
        await using var sut = await NotificationCapture.StartAsync();
        await sut.Control.CreateVolumeAsync();

        var message = NotificationCapture.Drain(sut)[0].Message;

        var wire = NovaNotifierTests.Wire("oslo/cinder-volume.create.end.body.json");
        Assert.Equal(JsonShape.Keys(wire).Order(StringComparer.Ordinal), JsonShape.Keys(message).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("in-use", null, "volume.attach")]
    [InlineData(null, 20, "volume.resize")]
    [InlineData(null, null, "volume.update")]
    public async Task Updated_Volume_SendsTheMatchingActionPair(string? status, int? size, string action)
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateVolumeAsync(size: 10);
        NotificationCapture.Drain(sut);

        await sut.Control.UpdateVolumeAsync(id, name: status is null && size is null ? "renamed" : null, status: status, size: size);

        Assert.Equal([action + ".start", action + ".end"], NotificationCapture.Drain(sut).Select(n => n.EventType));
    }

    [Fact]
    public async Task Deleted_Volume_SendsDeleteEndWithStatusDeletedAndMetadataAsKeyValueList()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateVolumeAsync();
        await sut.Control.SetVolumeMetadataAsync(id, new Dictionary<string, string> { ["name"] = "metadata0" });
        NotificationCapture.Drain(sut);

        await sut.Control.DeleteVolumeAsync(id);

        var sent = NotificationCapture.Drain(sut);
        Assert.Equal(["volume.delete.start", "volume.delete.end"], sent.Select(n => n.EventType));
        Assert.Equal("deleted", sent[1].Payload.GetProperty("status").GetString());
        Assert.Equal("""[{"key":"name","value":"metadata0"}]""", JsonSerializer.Serialize(sent[1].Payload.GetProperty("metadata")));
        AssertPayloadLikeSample("cinder.volume.delete.end", sent[1].Payload);
    }

    // The sample's metadata is a dict from a mocked volume; real cinder sends volume_metadata, a list (REALSTACK.md).
    private static void AssertPayloadLikeSample(string sample, JsonElement payload)
    {
        var expected = Fixtures.Load($"notifications/{sample}.json").GetProperty("payload");
        Assert.Equal(JsonShape.Keys(expected).Order(StringComparer.Ordinal), JsonShape.Keys(payload).Order(StringComparer.Ordinal));
        foreach (var key in JsonShape.Keys(expected).Where(k => k != "metadata" && expected.GetProperty(k).ValueKind != JsonValueKind.Null))
        {
            Assert.Equal(expected.GetProperty(key).ValueKind, payload.GetProperty(key).ValueKind);
        }
    }
}
