using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Replication;

/// <summary>
/// A queue of the follower's own bound to <c>&lt;prefix&gt;.&lt;entity_type&gt;.info</c> on the control
/// exchange, as an oslo listener with a pool. Without a pool the queue is exclusive and auto-delete;
/// with one it is named after the pool and outlives the follower. Deliveries are acknowledged once
/// applied; at most <see cref="FollowOptions.Prefetch"/> are held here, the rest wait in the broker.
/// </summary>
internal sealed class AmqpChangeSubscription : IChangeSubscription
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly ILogger _logger;
    private readonly Channel<SubscriptionItem> _items = Channel.CreateUnbounded<SubscriptionItem>(new UnboundedChannelOptions { SingleReader = true });

    private AmqpChangeSubscription(IConnection connection, IChannel channel, string queue, ILogger logger)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
        _logger = logger;
    }

    public static async Task<AmqpChangeSubscription> StartAsync(
        IConnection connection, SynchronizerClientOptions options, string entityType, FollowOptions follow, ILogger logger, CancellationToken cancellationToken)
    {
        var routingKey = $"{options.NotificationTopicPrefix}.{entityType}.info";
        var queue = follow.Pool ?? $"{routingKey}.{options.ClientName}-{Guid.NewGuid():N}";
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var subscription = new AmqpChangeSubscription(connection, channel, queue, logger);
        try
        {
            await channel.BasicQosAsync(0, follow.Prefetch, global: false, cancellationToken);
            await BrokerDeclarations.ControlExchangeAsync(channel, options.ControlExchange, options.AmqpDurableQueues, cancellationToken);
            var own = follow.Pool is null;
            await channel.QueueDeclareAsync(queue, durable: !own && options.AmqpDurableQueues, exclusive: own, autoDelete: own, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, options.ControlExchange, routingKey, cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += subscription.OnDeliveryAsync;
            connection.RecoverySucceededAsync += subscription.OnRecoveredAsync;
            await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }

        return subscription;
    }

    public ValueTask<SubscriptionItem> ReadAsync(CancellationToken cancellationToken) => _items.Reader.ReadAsync(cancellationToken);

    public async ValueTask AcknowledgeAsync(SubscriptionItem item, CancellationToken cancellationToken)
    {
        if (item.DeliveryTag == 0)
        {
            return;
        }

        try
        {
            await _channel.BasicAckAsync(item.DeliveryTag, multiple: false, cancellationToken);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The broker delivers it again after the recovery; the follower skips it by its revision.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _connection.RecoverySucceededAsync -= OnRecoveredAsync;
        _items.Writer.TryComplete();
        try
        {
            await _channel.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Gone with the connection.
        }
    }

    private async Task OnDeliveryAsync(object sender, BasicDeliverEventArgs delivery)
    {
        try
        {
            _items.Writer.TryWrite(new SubscriptionItem(NotificationReader.Read(delivery.Body), delivery.DeliveryTag));
        }
        catch (InvalidDataException ex)
        {
            // A message that is not a change notification can never be applied: acknowledged and forgotten.
            Log.NotificationUnreadable(_logger, _queue, ex.Message);
            await AcknowledgeAsync(new SubscriptionItem(null, delivery.DeliveryTag), CancellationToken.None);
        }
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        // Notifications published while the connection was down may be lost (an own queue is deleted
        // with the connection): the change log fills in whatever the queue does not bring.
        _items.Writer.TryWrite(SubscriptionItem.CatchUp);
        return Task.CompletedTask;
    }
}
