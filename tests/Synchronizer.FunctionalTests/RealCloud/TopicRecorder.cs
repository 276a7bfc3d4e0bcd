using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// Records, with arrival times, every oslo message of some routing keys of one exchange, through an
/// exclusive queue of its own. Used on our topics and on OpenStack's own notification exchanges, so a
/// latency is measured between two arrivals on one clock.
/// </summary>
/// <remarks>Infrastructure's NotificationRecorder keeps no arrival time and binds one key; this is its timed sibling.</remarks>
internal sealed class TopicRecorder : IAsyncDisposable
{
    private readonly List<TimedMessage> _received = [];
    private IConnection? _connection;
    private IChannel? _channel;

    public IReadOnlyList<TimedMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <param name="transportUrl">An oslo transport URL.</param>
    /// <param name="exchange">A topic exchange, declared as oslo declares it (non-durable) when missing.</param>
    /// <param name="routingKeys">The keys to bind, for example <c>synchronizer.nova.instance.info</c>.</param>
    public static async Task<TopicRecorder> StartAsync(string transportUrl, string exchange, params string[] routingKeys)
    {
        var recorder = new TopicRecorder();
        var factory = new ConnectionFactory { Uri = new Uri(transportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        recorder._connection = await factory.CreateConnectionAsync();
        var channel = recorder._channel = await recorder._connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var key in routingKeys)
        {
            await channel.QueueBindAsync(queue, exchange, key);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            recorder.Record(delivery);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return recorder;
    }

    /// <summary>Waits for the first message that matches; fails after <paramref name="timeout"/>, listing what came.</summary>
    public async Task<TimedMessage> FirstAsync(Func<TimedMessage, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds} s; received: {string.Join(", ", Received.TakeLast(20))}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void Record(BasicDeliverEventArgs delivery)
    {
        var arrivedAt = DateTimeOffset.UtcNow;
        using var envelope = JsonDocument.Parse(delivery.Body);
        var inner = envelope.RootElement.GetProperty("oslo.message").GetString()!;
        var message = JsonDocument.Parse(Encoding.UTF8.GetBytes(inner)).RootElement.Clone();
        lock (_received)
        {
            _received.Add(new TimedMessage(arrivedAt, delivery.RoutingKey, message));
        }

        if (RealCloudTrace.Enabled)
        {
            var payload = message.GetProperty("payload").GetRawText();
            var sent = message.TryGetProperty("timestamp", out var timestamp) ? timestamp.GetString() : "?";
            RealCloudTrace.Write($"recorded on {delivery.Exchange}: {message.GetProperty("event_type").GetString()} sent {sent} {payload[..Math.Min(payload.Length, 300)]}");
        }
    }
}
