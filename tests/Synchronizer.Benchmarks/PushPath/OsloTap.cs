using System.Globalization;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Synchronizer.Benchmarks.PushPath;

/// <summary>
/// A subscriber with a queue of its own on one routing key: for each oslo notification it notes the
/// wall-clock time of arrival (read first, before any parsing) and the message's own <c>timestamp</c>,
/// under a key read from the message.
/// </summary>
internal sealed class OsloTap : IAsyncDisposable
{
    private readonly Dictionary<string, OsloArrival> _arrivals = new(StringComparer.Ordinal);
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Func<JsonElement, string?> _key;

    private OsloTap(IConnection connection, IChannel channel, Func<JsonElement, string?> key)
    {
        _connection = connection;
        _channel = channel;
        _key = key;
    }

    public int Count
    {
        get
        {
            lock (_arrivals)
            {
                return _arrivals.Count;
            }
        }
    }

    public static async Task<OsloTap> StartAsync(string transportUrl, string exchange, string routingKey, Func<JsonElement, string?> key, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(transportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var tap = new OsloTap(connection, channel, key);

        // Declared as oslo declares exchanges (topic, not durable), so the publishers' own declarations match.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false, cancellationToken: cancellationToken);
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey, cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap.Record(DateTime.UtcNow, delivery);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        return tap;
    }

    public bool TryGet(string key, out OsloArrival arrival)
    {
        lock (_arrivals)
        {
            return _arrivals.TryGetValue(key, out arrival!);
        }
    }

    /// <summary>Waits until <paramref name="count"/> keys arrived, or until nothing new came for <paramref name="quiet"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var seen = -1;
        while (Count < count && Count != seen)
        {
            seen = Count;
            var until = DateTime.UtcNow + quiet;
            while (Count == seen && Count < count && DateTime.UtcNow < until)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private void Record(DateTime arrivedAt, BasicDeliverEventArgs delivery)
    {
        using var envelope = JsonDocument.Parse(delivery.Body);
        using var message = JsonDocument.Parse(envelope.RootElement.GetProperty("oslo.message").GetString()!);
        if (_key(message.RootElement) is not { } key)
        {
            return;
        }

        // oslo writes str(utcnow()): "2026-11-22 10:15:30.123456", UTC without a zone.
        var timestamp = DateTime.ParseExact(
            message.RootElement.GetProperty("timestamp").GetString()!, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        lock (_arrivals)
        {
            _arrivals.TryAdd(key, new OsloArrival(arrivedAt, timestamp));
        }
    }
}
