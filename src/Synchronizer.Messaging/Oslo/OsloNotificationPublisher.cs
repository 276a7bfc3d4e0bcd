using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Publishing;
using Synchronizer.Messaging.Rabbit;
using Synchronizer.Messaging.Topics;

namespace Synchronizer.Messaging.Oslo;

/// <summary>
/// Publishes change notifications as oslo's notifier does: on the control exchange, routing key
/// <c>&lt;topic&gt;.info</c>, after declaring the queue of that name so a late subscriber loses nothing.
/// Publisher confirms are on; a batch returns only when the broker has confirmed all of it.
/// </summary>
internal sealed class OsloNotificationPublisher : IChangePublisher, IAsyncDisposable
{
    // Enough in flight to hide the confirm round trip, few enough to bound memory.
    private const int MaxOutstandingConfirms = 256;

    private static readonly BasicProperties Properties = new()
    {
        ContentType = "application/json",
        ContentEncoding = "utf-8",
        DeliveryMode = DeliveryModes.Persistent,
        Priority = 0,
    };

    private readonly RabbitConnectionProvider _connections;
    private readonly TopicNameFormatter _topics;
    private readonly IOptionsMonitor<MessagingOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OsloNotificationPublisher> _logger;
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private IChannel? _channel;

    public OsloNotificationPublisher(
        RabbitConnectionProvider connections,
        TopicNameFormatter topics,
        IOptionsMonitor<MessagingOptions> options,
        TimeProvider time,
        ILogger<OsloNotificationPublisher> logger)
    {
        _connections = connections;
        _topics = topics;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // One channel carries every publish, so notifications leave in the order they were given.
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            await PublishInOrderAsync(changes, cancellationToken);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or PublishException or IOException)
        {
            await DropChannelAsync();
            throw new MessagingException($"Publishing {changes[0].EntityType} notifications failed: {ex.Message}", ex);
        }
        finally
        {
            _publishing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropChannelAsync();
        _publishing.Dispose();
    }

    private async Task PublishInOrderAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var channel = await GetChannelAsync(cancellationToken);
        var publisherId = $"synchronizer.{options.Host}";
        var inFlight = new List<Task>(MaxOutstandingConfirms);
        string? declaredFor = null;
        foreach (var change in changes)
        {
            if (declaredFor != change.EntityType)
            {
                await DeclareAsync(channel, change.EntityType, options, cancellationToken);
                declaredFor = change.EntityType;
            }

            var body = ChangeNotificationWriter.WriteBody(change, publisherId, _time.GetUtcNow());
            inFlight.Add(channel.BasicPublishAsync(options.ControlExchange, _topics.InfoRoutingKey(change.EntityType), false, Properties, body, cancellationToken).AsTask());
            if (inFlight.Count == MaxOutstandingConfirms)
            {
                await AwaitConfirmsAsync(inFlight);
            }
        }

        await AwaitConfirmsAsync(inFlight);
        Log.Published(_logger, changes.Count, changes[0].EntityType, changes[^1].Revision);
    }

    private static async Task AwaitConfirmsAsync(List<Task> inFlight)
    {
        foreach (var publish in inFlight)
        {
            await publish;
        }

        inFlight.Clear();
    }

    private async Task DeclareAsync(IChannel channel, string entityType, MessagingOptions options, CancellationToken cancellationToken)
    {
        var queue = _topics.InfoRoutingKey(entityType);
        if (_declared.Contains(queue))
        {
            return;
        }

        try
        {
            await channel.ExchangeDeclareAsync(options.ControlExchange, ExchangeType.Topic, options.AmqpDurableQueues, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, options.AmqpDurableQueues, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, options.ControlExchange, queue, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 406)
        {
            throw new MessagingException(
                $"The broker already has exchange '{options.ControlExchange}' or queue '{queue}' with other flags than durable={options.AmqpDurableQueues}: " +
                $"set [DEFAULT] amqp_durable_queues to match, or delete them. Broker said: {ex.ShutdownReason.ReplyText}", ex);
        }

        _declared.Add(queue);
        Log.Declared(_logger, options.ControlExchange, queue, options.AmqpDurableQueues);
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await DropChannelAsync();
        var connection = await _connections.GetConnectionAsync(cancellationToken);
        var channelOptions = new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(MaxOutstandingConfirms));
        _channel = await connection.CreateChannelAsync(channelOptions, cancellationToken);
        return _channel;
    }

    private async Task DropChannelAsync()
    {
        _declared.Clear();
        if (_channel is not null)
        {
            try
            {
                await _channel.DisposeAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                // The channel is already gone; nothing to release.
            }

            _channel = null;
        }
    }
}
