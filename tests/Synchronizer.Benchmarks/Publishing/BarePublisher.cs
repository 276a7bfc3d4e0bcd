using RabbitMQ.Client;

namespace Synchronizer.Benchmarks.Publishing;

/// <summary>
/// The baseline: RabbitMQ.Client 7 publishing the same prebuilt bodies with no confirms at all, the
/// upper bound of what one channel carries. (Its tutorial's confirm-tracking mode with a
/// ThrottlingRateLimiter was measured too, at a few hundred messages per second: the limiter
/// deliberately delays publishes, so it is no fair baseline.)
/// </summary>
internal sealed class BarePublisher : IAsyncDisposable
{
    private const string RoutingKey = "synchronizer.nova.instance.info";
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _exchange;

    private BarePublisher(IConnection connection, IChannel channel, string exchange)
    {
        _connection = connection;
        _channel = channel;
        _exchange = exchange;
    }

    public static async Task<BarePublisher> ConnectAsync(string transportUrl, string exchange, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(transportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(RoutingKey, durable: false, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(RoutingKey, exchange, RoutingKey, cancellationToken: cancellationToken);
        return new BarePublisher(connection, channel, exchange);
    }

    public async Task PublishAsync(IEnumerable<byte[]> bodies, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { ContentType = "application/json", ContentEncoding = "utf-8", DeliveryMode = DeliveryModes.Persistent };
        foreach (var body in bodies)
        {
            await _channel.BasicPublishAsync(_exchange, RoutingKey, false, properties, body, cancellationToken);
        }
    }

    public async Task DeleteQueueAsync(CancellationToken cancellationToken)
    {
        await _channel.QueueDeleteAsync(RoutingKey, cancellationToken: cancellationToken);
        await _channel.ExchangeDeleteAsync(_exchange, cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
