using System.Text;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Messaging.Listening;

/// <summary>
/// Consumes OpenStack's notifications from queues of the synchronizer's own (one per exchange and
/// topic, bound to <c>&lt;topic&gt;.info</c> and <c>&lt;topic&gt;.error</c>), hands each to the
/// handler, and sets poison messages aside in a dead-letter queue: they never stop the listener.
/// </summary>
public sealed class OpenStackNotificationConsumer : IAsyncDisposable
{
    private readonly IReadOnlyList<NotificationSource> _sources;
    private readonly IOpenStackNotificationHandler _handler;
    private readonly OpenStackNotificationsOptions _options;
    private readonly bool _durable;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>Initializes a new instance of the <see cref="OpenStackNotificationConsumer"/> class.</summary>
    /// <param name="sources">Where to listen.</param>
    /// <param name="handler">What to do with each notification.</param>
    /// <param name="options">The push path options (pool, concurrency).</param>
    /// <param name="durable">Whether queues are declared durable (<c>amqp_durable_queues</c>).</param>
    /// <param name="time">The clock, for the lag.</param>
    /// <param name="logger">The logger.</param>
    public OpenStackNotificationConsumer(
        IReadOnlyList<NotificationSource> sources, IOpenStackNotificationHandler handler, OpenStackNotificationsOptions options, bool durable, TimeProvider time, ILogger logger)
    {
        _sources = sources;
        _handler = handler;
        _options = options;
        _durable = durable;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the listener's counters.</summary>
    public ListenerStatistics Statistics { get; } = new();

    /// <summary>Gets the name of the queue poison messages are moved to.</summary>
    public string DeadLetterQueue => $"{_options.Pool}.dead-letter";

    /// <summary>Connects, declares the queues and starts consuming.</summary>
    /// <param name="url">OpenStack's bus.</param>
    /// <param name="clientName">The connection name shown by the broker.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once every queue is consumed.</returns>
    public async Task StartAsync(TransportUrl url, string clientName, CancellationToken cancellationToken)
    {
        _connection = await RabbitConnections.OpenAsync(url, clientName, cancellationToken);
        var concurrency = (ushort)Math.Clamp(_options.Concurrency, 1, 256);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: concurrency), cancellationToken);
        await _channel.BasicQosAsync(0, (ushort)(concurrency * 4), false, cancellationToken);
        await _channel.QueueDeclareAsync(DeadLetterQueue, _durable, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var source in _sources)
        {
            var queue = source.QueueName(_options.Pool);
            await _channel.ExchangeDeclareAsync(source.Exchange, ExchangeType.Topic, _durable, autoDelete: false, cancellationToken: cancellationToken);
            await _channel.QueueDeclareAsync(queue, _durable, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            foreach (var priority in (string[])["info", "error"])
            {
                await _channel.QueueBindAsync(queue, source.Exchange, $"{source.Topic}.{priority}", cancellationToken: cancellationToken);
            }

            var consumer = new AsyncEventingBasicConsumer(_channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(source, delivery);
            await _channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
            ListeningLog.Listening(_logger, source.Exchange, source.Topic, queue);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task OnReceivedAsync(NotificationSource source, BasicDeliverEventArgs delivery)
    {
        Statistics.CountReceived();
        var channel = _channel!;
        if (!OpenStackNotificationReader.TryRead(delivery.Body.Span, source, out var notification, out var problem))
        {
            await SetAsideAsync(channel, delivery, problem!);
        }
        else
        {
            await HandleAsync(notification!);
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
    }

    private async Task HandleAsync(OpenStackNotification notification)
    {
        try
        {
            await _handler.HandleAsync(notification, _stopping.Token);
            Statistics.CountHandled();
            if (notification.Timestamp is { } sent)
            {
                Statistics.LastLag = _time.GetUtcNow() - sent;
            }
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            // The poll is the safety net: a failed refresh is caught up by the next full poll.
            Statistics.CountFailed();
            ListeningLog.HandlerFailed(_logger, notification.EventType, notification.Source.Exchange, ex.Message);
        }
    }

    private async Task SetAsideAsync(IChannel channel, BasicDeliverEventArgs delivery, string problem)
    {
        var properties = new BasicProperties
        {
            DeliveryMode = DeliveryModes.Persistent,
            ContentType = delivery.BasicProperties.ContentType,
            Headers = new Dictionary<string, object?>
            {
                ["x-synchronizer-reason"] = Encoding.UTF8.GetBytes(problem),
                ["x-original-exchange"] = Encoding.UTF8.GetBytes(delivery.Exchange),
                ["x-original-routing-key"] = Encoding.UTF8.GetBytes(delivery.RoutingKey),
            },
        };
        await channel.BasicPublishAsync(string.Empty, DeadLetterQueue, false, properties, delivery.Body);
        Statistics.CountDeadLettered();
        ListeningLog.DeadLettered(_logger, delivery.Exchange, delivery.RoutingKey, DeadLetterQueue, problem);
    }
}
