using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Notifications;

/// <summary>Nova's versioned notifications per change, against nova's resolved samples and the oslo wire fixture.</summary>
public sealed class NovaNotifierTests
{
    [Fact]
    public async Task Created_Server_SendsCreateStartUpdateCreateEndOnNovaExchange()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateServerAsync("web-1");

        var sent = NotificationCapture.Drain(sut);

        Assert.Equal(["instance.create.start", "instance.update", "instance.create.end"], sent.Select(n => n.EventType));
        Assert.All(sent, n =>
        {
            Assert.Equal("nova", n.Exchange);
            Assert.Equal("versioned_notifications.info", n.RoutingKey);
            Assert.Equal(id, n.Payload.GetProperty("nova_object.data").GetProperty("uuid").GetString());
        });
        var end = sent[2];
        Assert.Equal("InstanceCreatePayload", end.Payload.GetProperty("nova_object.name").GetString());
        Assert.Equal("active", end.Payload.GetProperty("nova_object.data").GetProperty("state").GetString());
        Assert.Equal("running", end.Payload.GetProperty("nova_object.data").GetProperty("power_state").GetString());
        Assert.StartsWith("nova-compute:sim-compute-", end.Message.GetProperty("publisher_id").GetString(), StringComparison.Ordinal);
        JsonShape.AssertSame(Sample("instance-create-end"), end.Payload, "metadata", "extra_specs");
    }

    [Fact]
    public async Task Created_Server_UpdatePayloadMatchesNovaSampleAndCarriesTheStateChange()
    {
        await using var sut = await NotificationCapture.StartAsync();
        await sut.Control.CreateServerAsync();

        var update = NotificationCapture.Drain(sut).Single(n => n.EventType == "instance.update");

        JsonShape.AssertSame(Sample("instance-update"), update.Payload, "metadata", "extra_specs");
        var change = update.Payload.GetProperty("nova_object.data").GetProperty("state_update").GetProperty("nova_object.data");
        Assert.Equal("building", change.GetProperty("old_state").GetString());
        Assert.Equal("active", change.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Updated_ToShutoff_SendsPowerOffStartUpdateEnd()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateServerAsync();
        NotificationCapture.Drain(sut);

        await sut.Control.UpdateServerAsync(id, status: "SHUTOFF");

        var sent = NotificationCapture.Drain(sut);
        Assert.Equal(["instance.power_off.start", "instance.update", "instance.power_off.end"], sent.Select(n => n.EventType));
        var end = sent[2].Payload;
        JsonShape.AssertSame(Sample("instance-power_off-end"), end, "metadata", "extra_specs");
        Assert.Equal("stopped", end.GetProperty("nova_object.data").GetProperty("state").GetString());
        Assert.Equal("shutdown", end.GetProperty("nova_object.data").GetProperty("power_state").GetString());
    }

    [Theory]
    [InlineData("PAUSED", "instance.pause.start,instance.update,instance.pause.end")]
    [InlineData("REBOOT", "instance.reboot.start,instance.update")]
    [InlineData("ERROR", "instance.update")]
    public async Task Updated_Status_SendsTheActionsEvents(string status, string events)
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateServerAsync();
        NotificationCapture.Drain(sut);

        await sut.Control.UpdateServerAsync(id, status: status);

        Assert.Equal(events.Split(','), NotificationCapture.Drain(sut).Select(n => n.EventType));
    }

    [Fact]
    public async Task Updated_Rename_SendsOneUpdateFromTheApiWithTheOldName()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateServerAsync("before");
        NotificationCapture.Drain(sut);

        await sut.Control.UpdateServerAsync(id, name: "after");

        var update = Assert.Single(NotificationCapture.Drain(sut));
        Assert.Equal("instance.update", update.EventType);
        Assert.Equal("nova-api:sim-controller", update.Message.GetProperty("publisher_id").GetString());
        Assert.Equal("before", update.Payload.GetProperty("nova_object.data").GetProperty("old_display_name").GetString());
        Assert.Equal("after", update.Payload.GetProperty("nova_object.data").GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Deleted_Server_SendsDeleteAndShutdownEvents()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateServerAsync();
        NotificationCapture.Drain(sut);

        await sut.Control.DeleteServerAsync(id);

        var sent = NotificationCapture.Drain(sut);
        Assert.Equal(["instance.delete.start", "instance.shutdown.start", "instance.shutdown.end", "instance.delete.end"], sent.Select(n => n.EventType));
        JsonShape.AssertSame(Sample("instance-delete-end"), sent[3].Payload, "metadata", "extra_specs");
        Assert.Equal("deleted", sent[3].Payload.GetProperty("nova_object.data").GetProperty("state").GetString());
        Assert.Equal("deleting", sent[0].Payload.GetProperty("nova_object.data").GetProperty("task_state").GetString());
    }

    [Fact]
    public async Task Created_Server_MessageHasTheOsloKeysAndNovasContextKeys()
    {
        await using var sut = await NotificationCapture.StartAsync();
        await sut.Control.CreateServerAsync();

        var message = NotificationCapture.Drain(sut)[0].Message;

        var wire = Wire("oslo/nova-instance.update.body.json");
        Assert.Equal(JsonShape.Keys(wire).Order(StringComparer.Ordinal), JsonShape.Keys(message).Order(StringComparer.Ordinal));
        Assert.Equal("INFO", message.GetProperty("priority").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$", message.GetProperty("timestamp").GetString());
        Assert.Matches("^[0-9a-f]{32}$", message.GetProperty("_unique_id").GetString());
        Assert.True(Guid.TryParse(message.GetProperty("message_id").GetString(), out _));
    }

    [Fact]
    public async Task Seed_Servers_SendsNothing()
    {
        await using var sut = await NotificationCapture.StartAsync(new SimulatorOptions { SeedServers = 20 });

        await sut.Control.SeedServersAsync(5);

        Assert.Empty(NotificationCapture.Drain(sut));
    }

    [Fact]
    public async Task ServiceChanged_HypervisorDisabled_SendsServiceUpdate()
    {
        await using var sut = await NotificationCapture.StartAsync();

        await sut.Control.UpdateHypervisorAsync("sim-compute-1", status: "disabled", disabledReason: "maintenance");

        var update = Assert.Single(NotificationCapture.Drain(sut));
        Assert.Equal("service.update", update.EventType);
        var data = update.Payload.GetProperty("nova_object.data");
        Assert.True(data.GetProperty("disabled").GetBoolean());
        Assert.Equal("nova-compute", data.GetProperty("binary").GetString());
    }

    private static JsonElement Sample(string name) => Fixtures.Load($"notifications/nova.{name}.json").GetProperty("payload");

    internal static JsonElement Wire(string path)
    {
        using var inner = JsonDocument.Parse(Fixtures.Load(path).GetProperty("oslo.message").GetString()!);
        return inner.RootElement.Clone();
    }
}
