using System.Text;
using System.Text.Json;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Messaging.Oslo;

namespace Synchronizer.Messaging.Tests.Oslo;

public class ChangeNotificationWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 15, 30, 123, 456, TimeSpan.Zero);
    private static readonly Guid MessageId = Guid.Parse("bda666e7-bf16-414e-a5fd-a0a7754d918d");
    private static readonly Guid UniqueId = Guid.Parse("1c12f29a-e179-4aa6-bcf5-009df24d1165");

    [Theory]
    [InlineData(ChangeAction.Create, "nova.instance.create.body.json")]
    [InlineData(ChangeAction.Update, "nova.instance.update.body.json")]
    [InlineData(ChangeAction.Delete, "nova.instance.delete.body.json")]
    public void WriteBody_EachAction_MatchesGoldenFile(ChangeAction action, string golden)
    {
        var body = ChangeNotificationWriter.WriteBody(Change(action), "synchronizer.sync-1", Now, MessageId, UniqueId);

        GoldenFile.AssertMatches(golden, body);
    }

    [Fact]
    public void WriteBody_Update_InnerMessageHasContractKeysInOsloOrder()
    {
        var body = ChangeNotificationWriter.WriteBody(Change(ChangeAction.Update), "synchronizer.sync-1", Now);

        using var inner = JsonDocument.Parse(OsloEnvelope.Unwrap(body));
        Assert.Equal(
            ["message_id", "publisher_id", "event_type", "priority", "payload", "timestamp", "_unique_id"],
            inner.RootElement.EnumerateObject().Select(p => p.Name));
        var payload = inner.RootElement.GetProperty("payload");
        Assert.Equal(
            ["entity_type", "id", "action", "revision", "hash", "sampled_at", "source", "changed_fields", "entity"],
            payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-22 10:15:30.123456", inner.RootElement.GetProperty("timestamp").GetString()![..26]);
        Assert.Equal("2026-11-22T10:15:30.123456Z", payload.GetProperty("sampled_at").GetString());
        Assert.Equal(1042, payload.GetProperty("revision").GetInt64());
    }

    [Fact]
    public void WriteBody_NonAsciiEntity_RoundTripsThroughTheEnvelope()
    {
        var change = Change(ChangeAction.Create) with { Entity = Encoding.UTF8.GetBytes("""{"id":"x","name":"sérveur \"1\" — ü\n"}""") };

        var body = ChangeNotificationWriter.WriteBody(change, "synchronizer.sync-1", Now);

        using var inner = JsonDocument.Parse(OsloEnvelope.Unwrap(body));
        Assert.Equal("sérveur \"1\" — ü\n", inner.RootElement.GetProperty("payload").GetProperty("entity").GetProperty("name").GetString());
    }

    private static EntityChange Change(ChangeAction action)
    {
        var entity = Encoding.UTF8.GetBytes("""{"OS-EXT-STS:vm_state":"stopped","id":"9168b536-cd40-4630-b43f-b259807c6e87","name":"new-server-test","status":"SHUTOFF"}""");
        IReadOnlyList<string> fields = action == ChangeAction.Update ? ["OS-EXT-STS:vm_state", "status"] : [];
        return new EntityChange("nova.instance", "9168b536-cd40-4630-b43f-b259807c6e87", action, 1042, ContentHash.Of(entity), entity, fields, ChangeSource.Poll, Now);
    }
}
