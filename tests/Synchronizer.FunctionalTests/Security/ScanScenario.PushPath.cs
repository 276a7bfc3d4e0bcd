using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;

namespace Synchronizer.FunctionalTests.Security;

// The push path part of the scan: the simulator's own notifications for Nova, Cinder and Heat, one
// hand-written Nova notification whose context carries a user's token, and two poison messages.
internal static partial class ScanScenario
{
    private static async Task ExercisePushPathAsync(ScanRun run, Func<string> describe)
    {
        await using var recorder = await NotificationRecorder.StartAsync(TestBroker.TransportUrl, run.Exchange, $"{run.Prefix}.#");
        var control = run.Simulator.Control;
        var server = await control.CreateServerAsync("scan-created");
        await WaitForPushedAsync(recorder, "nova.instance.create", server, describe);

        await PublishToNovaAsync(run, server);
        await control.UpdateServerAsync(server, name: "scan-renamed");
        await WaitForPushedAsync(recorder, "nova.instance.update", server, describe);
        var volume = await control.CreateVolumeAsync("scan-volume");
        await WaitForPushedAsync(recorder, "cinder.volume.create", volume, describe);
        var stack = await control.CreateStackAsync("scan-stack");
        await WaitForPushedAsync(recorder, "heat.stack.create", stack, describe);
        await control.DeleteServerAsync(server);
        await WaitForPushedAsync(recorder, "nova.instance.delete", server, describe);
        await WaitForDeadLettersAsync(run, expected: 2);
    }

    private static async Task WaitForPushedAsync(NotificationRecorder recorder, string eventType, string id, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!recorder.Received.Any(n => n.EventType == eventType && n.Id == id && n.Payload.GetProperty("source").GetString() == "notification"))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No {eventType} of {id} from the push path within {Patience.TotalSeconds} s. The service's recent output:{Environment.NewLine}{describe()}");
            }

            await Task.Delay(25);
        }
    }

    private static async Task PublishToNovaAsync(ScanRun run, string serverId)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var token = run.Secrets.NotificationContextToken;
        var update = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["message_id"] = Guid.NewGuid().ToString("D"),
            ["publisher_id"] = "nova-api:scan",
            ["event_type"] = "instance.update",
            ["priority"] = "INFO",
            ["payload"] = new Dictionary<string, object?>
            {
                ["nova_object.name"] = "InstanceUpdatePayload",
                ["nova_object.namespace"] = "nova",
                ["nova_object.version"] = "2.1",
                ["nova_object.data"] = new Dictionary<string, object?> { ["uuid"] = serverId },
            },
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ["_unique_id"] = Guid.NewGuid().ToString("N"),
            ["_context_auth_token"] = token,
            ["_context_user_id"] = "5cc1126441294107b0deadfc507d010d",
        });
        byte[][] bodies =
        [
            RawRpcCaller.Envelope(update),
            RawRpcCaller.Envelope($"{{\"event_type\": 7, \"_context_auth_token\": \"{token}\"}}"),
            Encoding.UTF8.GetBytes($"_context_auth_token={token}; not JSON"),
        ];
        foreach (var body in bodies)
        {
            var properties = new BasicProperties { ContentType = "application/json", ContentEncoding = "utf-8", DeliveryMode = DeliveryModes.Persistent };
            await channel.BasicPublishAsync("nova", "versioned_notifications.info", mandatory: false, properties, body);
        }
    }

    private static async Task WaitForDeadLettersAsync(ScanRun run, uint expected)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow + Patience;
        uint count;
        while ((count = (await channel.QueueDeclarePassiveAsync(run.DeadLetterQueue)).MessageCount) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(expected, count);
    }
}
