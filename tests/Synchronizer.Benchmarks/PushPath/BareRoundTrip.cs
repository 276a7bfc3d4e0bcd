using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Synchronizer.Benchmarks.PushPath;

/// <summary>
/// The baseline of one broker hop: RabbitMQ.Client publishing a message the size of a change
/// notification and a consumer on the same broker receiving it, timed per message.
/// </summary>
internal sealed class BareRoundTrip : IAsyncDisposable
{
    private const string RoutingKey = "bench.round-trip";

    // Sent first and not counted, as the push path's warm-up: JIT and connection set-up.
    private const int WarmUp = 20;

    private static readonly BasicProperties Properties = new() { ContentType = "application/json", ContentEncoding = "utf-8", DeliveryMode = DeliveryModes.Persistent };

    // About the size of a server's change notification.
    private static readonly byte[] Padding = Encoding.UTF8.GetBytes(new string('x', 3000));

    private readonly ConcurrentDictionary<int, long> _sentAt = new();
    private readonly ConcurrentDictionary<int, TimeSpan> _latencies = new();
    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly IChannel _subscriber;
    private readonly string _exchange;
    private int _next;

    private BareRoundTrip(IConnection connection, IChannel publisher, IChannel subscriber, string exchange)
    {
        _connection = connection;
        _publisher = publisher;
        _subscriber = subscriber;
        _exchange = exchange;
    }

    public static async Task<BareRoundTrip> ConnectAsync(string transportUrl, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(transportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var publisher = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var subscriber = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var exchange = $"bench-rtt-{Guid.NewGuid():N}"[..24];
        await publisher.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: true, cancellationToken: cancellationToken);
        var queue = (await subscriber.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        await subscriber.QueueBindAsync(queue, exchange, RoutingKey, cancellationToken: cancellationToken);
        var roundTrip = new BareRoundTrip(connection, publisher, subscriber, exchange);
        var consumer = new AsyncEventingBasicConsumer(subscriber);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var id = BitConverter.ToInt32(delivery.Body.Span[..sizeof(int)]);
            roundTrip._latencies[id] = Stopwatch.GetElapsedTime(roundTrip._sentAt[id], arrived);
            return Task.CompletedTask;
        };
        await subscriber.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        await roundTrip.SendAsync(WarmUp, TimeSpan.Zero, cancellationToken);
        return roundTrip;
    }

    /// <summary>The round trips measured after the warm-up.</summary>
    public LatencySamples Samples()
    {
        var samples = new LatencySamples();
        foreach (var (id, latency) in _latencies)
        {
            if (id >= WarmUp)
            {
                samples.Add(latency);
            }
        }

        return samples;
    }

    /// <summary>Sends <paramref name="count"/> messages, <paramref name="spacing"/> apart, and waits for them to arrive.</summary>
    public async Task SendAsync(int count, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var last = 0;
        for (var i = 0; i < count; i++)
        {
            last = _next++;
            var body = new byte[sizeof(int) + Padding.Length];
            BitConverter.TryWriteBytes(body, last);
            Padding.CopyTo(body, sizeof(int));
            _sentAt[last] = Stopwatch.GetTimestamp();
            await _publisher.BasicPublishAsync(_exchange, RoutingKey, mandatory: false, Properties, body, cancellationToken);
            await Task.Delay(spacing, cancellationToken);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_latencies.ContainsKey(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _subscriber.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
