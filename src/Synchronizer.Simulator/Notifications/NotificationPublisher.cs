using RabbitMQ.Client;

namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// Publishes queued notifications the way oslo.messaging's rabbit driver does for a notifier
/// (fixture oslo.messaging/wire/amqp-publish-properties.json): a non-durable topic exchange per
/// service, and, once per connection, a non-durable queue named after the routing key bound to it,
/// so that nothing is lost before a consumer comes. A lost connection is retried every second; the
/// message being sent is kept and sent again.
/// </summary>
internal sealed class NotificationPublisher : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly NotificationQueue _queue;
    private readonly OsloTransportUrl _url;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public NotificationPublisher(NotificationQueue queue, OsloTransportUrl url, TimeProvider time, ILogger logger)
    {
        _queue = queue;
        _url = url;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NotificationMessage? pending = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await Factory().CreateConnectionAsync("synchronizer-simulator", stoppingToken);
                await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                Log.NotificationsConnected(_logger, _url.Host, _url.Port);
                var declared = new HashSet<(string, string)>();
                while (true)
                {
                    pending ??= await _queue.Reader.ReadAsync(stoppingToken);
                    if (declared.Add((pending.Exchange, pending.RoutingKey)))
                    {
                        await DeclareAsync(channel, pending, stoppingToken);
                    }

                    var properties = new BasicProperties
                    {
                        ContentType = "application/json",
                        ContentEncoding = "utf-8",
                        DeliveryMode = DeliveryModes.Persistent,
                        Priority = 0,
                        Headers = new Dictionary<string, object?>(),
                    };
                    await channel.BasicPublishAsync(pending.Exchange, pending.RoutingKey, mandatory: false, properties, pending.Body, stoppingToken);
                    _queue.CountPublished();
                    pending = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The broker is down or refused us: say so once per attempt and try again shortly.
                Log.NotificationsFailed(_logger, _url.Host, _url.Port, e.Message);
            }

            try
            {
                await Task.Delay(RetryDelay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // kombu's Queue(name=routing_key, exchange, routing_key, durable=exchange.durable, auto_delete=False).declare().
    private static async Task DeclareAsync(IChannel channel, NotificationMessage message, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(message.Exchange, ExchangeType.Topic, durable: false, autoDelete: false, arguments: null, cancellationToken: ct);
        await channel.QueueDeclareAsync(message.RoutingKey, durable: false, exclusive: false, autoDelete: false, arguments: null, cancellationToken: ct);
        await channel.QueueBindAsync(message.RoutingKey, message.Exchange, message.RoutingKey, arguments: null, cancellationToken: ct);
    }

    private ConnectionFactory Factory() => new()
    {
        HostName = _url.Host,
        Port = _url.Port,
        UserName = _url.User,
        Password = _url.Password,
        VirtualHost = _url.VirtualHost,
        AutomaticRecoveryEnabled = false,
    };
}
