using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Synchronizer.FunctionalTests.Infrastructure;

/// <summary>
/// A consumer with its own queue bound to a topic's routing key, as an oslo listener with a pool
/// would have: it records every notification in arrival order.
/// </summary>
internal sealed class NotificationRecorder : IAsyncDisposable
{
    private readonly List<ReceivedNotification> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private IConnection? _connection;
    private IChannel? _channel;

    public IReadOnlyList<ReceivedNotification> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<NotificationRecorder> StartAsync(string transportUrl, string exchange, string routingKey)
    {
        var recorder = new NotificationRecorder();
        var factory = new ConnectionFactory { Uri = new Uri(transportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        recorder._connection = await factory.CreateConnectionAsync();
        recorder._channel = await recorder._connection.CreateChannelAsync();
        var channel = recorder._channel;

        // Declared exactly as oslo declares the control exchange, so the service's own declaration matches.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            recorder.Record(delivery);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return recorder;
    }

    /// <summary>Waits until at least <paramref name="count"/> notifications arrived in total.</summary>
    public async Task<IReadOnlyList<ReceivedNotification>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (Received.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} notifications within {timeout.TotalSeconds} s, got {Received.Count}.");
            }
        }

        return Received;
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

        _arrived.Dispose();
    }

    private void Record(BasicDeliverEventArgs delivery)
    {
        using var envelope = JsonDocument.Parse(delivery.Body);
        var inner = envelope.RootElement.GetProperty("oslo.message").GetString()!;
        var message = JsonDocument.Parse(Encoding.UTF8.GetBytes(inner)).RootElement.Clone();
        var properties = delivery.BasicProperties;
        lock (_received)
        {
            _received.Add(new ReceivedNotification(delivery.RoutingKey, properties.ContentType, properties.ContentEncoding, properties.Persistent, message));
        }

        _arrived.Release();
    }
}
