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
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(60);

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
    private PublisherConfirmTracker? _confirms;

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
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or MessagingException)
        {
            // A channel that lost a confirm cannot say which messages arrived: start over on a new one.
            await DropChannelAsync();
            throw ex as MessagingException ?? new MessagingException($"Publishing {changes[0].EntityType} notifications failed: {ex.Message}", ex);
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
        var confirms = _confirms!;
        var publisherId = $"synchronizer.{options.Host}";
        string? declaredFor = null;
        foreach (var change in changes)
        {
            if (declaredFor != change.EntityType)
            {
                await DeclareAsync(channel, change.EntityType, options, cancellationToken);
                declaredFor = change.EntityType;
            }

            var body = ChangeNotificationWriter.WriteBody(change, publisherId, _time.GetUtcNow());
            confirms.Expect(await channel.GetNextPublishSequenceNumberAsync(cancellationToken));

            // Awaited one by one: this only waits for the frame to be written, so order is kept
            // while the confirms of earlier messages are still on their way.
            await channel.BasicPublishAsync(options.ControlExchange, _topics.InfoRoutingKey(change.EntityType), false, Properties, body, cancellationToken);
        }

        await confirms.WaitForAllAsync(ConfirmTimeout, cancellationToken);
        Log.Published(_logger, changes.Count, changes[0].EntityType, changes[^1].Revision);
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
        var channelOptions = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false);
        _channel = await connection.CreateChannelAsync(channelOptions, cancellationToken);
        _confirms = new PublisherConfirmTracker(_channel);
        return _channel;
    }

    private async Task DropChannelAsync()
    {
        _declared.Clear();
        _confirms = null;
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
