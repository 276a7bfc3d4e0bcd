using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Interop;
using Synchronizer.Messaging.Listening;
using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.FunctionalTests.PushPath;

/// <summary>The push path's listener on a real broker, fed by the real oslo.messaging Notifier, and poison messages.</summary>
[Trait("Category", "Interop")]
[Collection(BrokerTests.Name)]
public sealed class OpenStackNotificationConsumerTests
{
    [Fact]
    public async Task Consumer_OsloNotifierAndPoison_HandlesNotificationsAndSetsPoisonAside()
    {
        var pool = $"sync-test-{Guid.NewGuid():N}"[..20];
        var exchange = $"nova-{Guid.NewGuid():N}"[..12];
        var handler = new RecordingHandler();
        var options = new OpenStackNotificationsOptions { Pool = pool, Concurrency = 2 };
        await using var consumer = new OpenStackNotificationConsumer(
            [new NotificationSource("nova", exchange, "versioned_notifications")], handler, options, durable: false, TimeProvider.System, NullLogger.Instance);
        await consumer.StartAsync(TransportUrl.Parse(TestBroker.TransportUrl), "consumer-test", CancellationToken.None);

        await OsloNotifierProcess.SendAsync([Notification(exchange, "instance.update", "a")], TimeSpan.FromSeconds(60));
        await PublishRawAsync(exchange, "versioned_notifications.info", "this is not json"u8.ToArray());
        await PublishRawAsync(exchange, "versioned_notifications.error", """{"oslo.version": "2.0", "oslo.message": "{\"payload\": {}}"}"""u8.ToArray());
        await OsloNotifierProcess.SendAsync([Notification(exchange, "instance.delete.end", "b")], TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => handler.Received.Count == 2 && consumer.Statistics.DeadLettered == 2);

        Assert.Equal(["instance.update", "instance.delete.end"], handler.Received.Select(n => n.EventType));
        Assert.Equal("a", handler.Received.First().Payload.GetProperty("nova_object.data").GetProperty("uuid").GetString());
        Assert.Equal(2u, await QueueDepthAsync(consumer.DeadLetterQueue));
        Assert.Equal(4, consumer.Statistics.Received);
        await DeleteQueuesAsync(consumer.DeadLetterQueue, $"{pool}.{exchange}.versioned_notifications");
    }

    private static object Notification(string exchange, string eventType, string uuid) => new
    {
        exchange,
        topic = "versioned_notifications",
        publisher_id = "nova-compute:host1",
        event_type = eventType,
        payload = new Dictionary<string, object>
        {
            ["nova_object.name"] = "InstanceUpdatePayload",
            ["nova_object.namespace"] = "nova",
            ["nova_object.version"] = "2.0",
            ["nova_object.data"] = new { uuid },
        },
    };

    private static async Task PublishRawAsync(string exchange, string routingKey, byte[] body)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicPublishAsync(exchange, routingKey, body);
    }

    private static async Task<uint> QueueDepthAsync(string queue)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    private static async Task DeleteQueuesAsync(params string[] queues)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    private static ConnectionFactory Factory() => new() { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The consumer did not handle the notifications within 30 s.");
            await Task.Delay(50);
        }
    }

    private sealed class RecordingHandler : IOpenStackNotificationHandler
    {
        public ConcurrentQueue<OpenStackNotification> Received { get; } = new();

        public Task HandleAsync(OpenStackNotification notification, CancellationToken cancellationToken)
        {
            Received.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
