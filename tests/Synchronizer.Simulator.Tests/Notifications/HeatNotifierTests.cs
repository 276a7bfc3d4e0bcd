using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Notifications;

/// <summary>Heat's notifications per change, against the generated heat sample and wire fixture.</summary>
public sealed class HeatNotifierTests
{
    [Fact]
    public async Task Created_Stack_SendsCreateStartAndEndOnHeatExchange()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateStackAsync("simple_stack");

        var sent = NotificationCapture.Drain(sut);

        Assert.Equal(["orchestration.stack.create.start", "orchestration.stack.create.end"], sent.Select(n => n.EventType));
        Assert.All(sent, n =>
        {
            Assert.Equal("heat", n.Exchange);
            Assert.Equal("notifications.info", n.RoutingKey);
            Assert.Equal(id, n.Payload.GetProperty("stack_identity").GetString());
            Assert.Equal("orchestration.sim-controller", n.Message.GetProperty("publisher_id").GetString());
        });
        Assert.Equal("CREATE_IN_PROGRESS", sent[0].Payload.GetProperty("state").GetString());
        Assert.Equal("CREATE_COMPLETE", sent[1].Payload.GetProperty("state").GetString());
        JsonShape.AssertSame(Fixtures.Load("notifications/heat.orchestration.stack.create.end.json").GetProperty("payload"), sent[1].Payload);
        var wire = NovaNotifierTests.Wire("oslo/heat-orchestration.stack.create.end.body.json");
        Assert.Equal(JsonShape.Keys(wire).Order(StringComparer.Ordinal), JsonShape.Keys(sent[1].Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Updated_Failing_SendsUpdateStartThenErrorAtErrorPriority()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateStackAsync();
        NotificationCapture.Drain(sut);

        await sut.Control.UpdateStackAsync(id, "UPDATE_FAILED");

        var sent = NotificationCapture.Drain(sut);
        Assert.Equal(["orchestration.stack.update.start", "orchestration.stack.update.error"], sent.Select(n => n.EventType));
        Assert.Equal("notifications.error", sent[1].RoutingKey);
        Assert.Equal("ERROR", sent[1].Message.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Deleted_Stack_SendsDeleteStartAndEnd()
    {
        await using var sut = await NotificationCapture.StartAsync();
        var id = await sut.Control.CreateStackAsync();
        NotificationCapture.Drain(sut);

        await sut.Control.DeleteStackAsync(id);

        var sent = NotificationCapture.Drain(sut);
        Assert.Equal(["orchestration.stack.delete.start", "orchestration.stack.delete.end"], sent.Select(n => n.EventType));
        Assert.Equal("DELETE_COMPLETE", sent[1].Payload.GetProperty("state").GetString());
    }
}
