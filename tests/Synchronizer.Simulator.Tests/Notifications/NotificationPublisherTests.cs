using System.Text.Json;
using RabbitMQ.Client;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Notifications;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Notifications;

/// <summary>
/// The publisher against a real RabbitMQ (SYNCHRONIZER_TEST_TRANSPORT_URL, started by scripts/functional):
/// exchanges, routing keys, AMQP properties and oslo's default queues as in the wire fixtures. The test
/// reads through a queue of its own and keeps only its own resources' notifications, so it can share a broker.
/// </summary>
[Trait("Category", "Functional")]
public sealed class NotificationPublisherTests
{
    private static readonly (string Exchange, string RoutingKey)[] Bindings =
    [
        ("nova", "versioned_notifications.info"), ("openstack", "notifications.info"), ("heat", "notifications.info"),
    ];

    [Fact]
    public async Task ExecuteAsync_ChangesOnEveryService_ArePublishedAsOsloDoes()
    {
        var url = Environment.GetEnvironmentVariable("SYNCHRONIZER_TEST_TRANSPORT_URL") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("SYNCHRONIZER_TEST_TRANSPORT_URL is not set: run the functional tests through scripts/functional.");
        var broker = OsloTransportUrl.Parse(url);
        var factory = new ConnectionFactory { HostName = broker.Host, Port = broker.Port, UserName = broker.User, Password = broker.Password, VirtualHost = broker.VirtualHost };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var (exchange, routingKey) in Bindings)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, routingKey);
        }

        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { NotificationsTransportUrl = url });
        var ids = new[]
        {
            await sut.Control.CreateServerAsync(), await sut.Control.CreateVolumeAsync(), await sut.Control.CreateStackAsync(),
        };
        await sut.Control.UpdateServerAsync(ids[0], status: "SHUTOFF");
        await sut.Control.DeleteVolumeAsync(ids[1]);

        var received = await ReceiveAsync(channel, queue, ids, expected: 3 + 3 + 2 + 2 + 2);

        Assert.Equal(
            ["instance.create.start", "instance.update", "instance.create.end", "instance.power_off.start", "instance.update", "instance.power_off.end"],
            received.Where(r => r.Exchange == "nova").Select(r => r.EventType));
        Assert.Equal(
            ["volume.create.start", "volume.create.end", "volume.delete.start", "volume.delete.end"],
            received.Where(r => r.Exchange == "openstack").Select(r => r.EventType));
        Assert.Equal(["orchestration.stack.create.start", "orchestration.stack.create.end"], received.Where(r => r.Exchange == "heat").Select(r => r.EventType));
        var common = Fixtures.Load("oslo/amqp-publish-properties.json").GetProperty("common");
        Assert.All(received, r =>
        {
            Assert.Equal(common.GetProperty("content_type").GetString(), r.Properties.ContentType);
            Assert.Equal(common.GetProperty("content_encoding").GetString(), r.Properties.ContentEncoding);
            Assert.Equal(common.GetProperty("delivery_mode").GetInt32(), (int)r.Properties.DeliveryMode);
            Assert.Equal(common.GetProperty("priority").GetInt32(), r.Properties.Priority);
        });

        // oslo's notifier declares a queue named after the routing key, so nothing is lost before a consumer comes.
        await channel.QueueDeclarePassiveAsync("versioned_notifications.info");
        await channel.QueueDeclarePassiveAsync("notifications.info");
    }

    private static async Task<List<Received>> ReceiveAsync(IChannel channel, string queue, string[] ids, int expected)
    {
        var received = new List<Received>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (received.Count < expected && DateTime.UtcNow < deadline)
        {
            var result = await channel.BasicGetAsync(queue, autoAck: true);
            if (result is null)
            {
                await Task.Delay(50);
                continue;
            }

            using var envelope = JsonDocument.Parse(result.Body);
            using var message = JsonDocument.Parse(envelope.RootElement.GetProperty("oslo.message").GetString()!);
            var text = message.RootElement.GetProperty("payload").ToString();

            // Other simulators may publish to the same exchanges: keep what is about this test's resources.
            if (ids.Any(id => text.Contains(id, StringComparison.Ordinal)))
            {
                received.Add(new Received(result.Exchange, message.RootElement.GetProperty("event_type").GetString()!, result.BasicProperties));
            }
        }

        return received;
    }

    private sealed record Received(string Exchange, string EventType, IReadOnlyBasicProperties Properties);
}
