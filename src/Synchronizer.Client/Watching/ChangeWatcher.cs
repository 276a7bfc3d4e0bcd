using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Watching;

/// <summary>
/// A live view of the change notifications of some entity types, as they are published (CONTRACT §3),
/// with no snapshot, no ordering repair and no gap filling: for people and tools that want to see
/// changes go by. Keeping a replica is <see cref="SynchronizerClient.FollowAsync(string, CancellationToken)"/>'s job.
/// </summary>
/// <remarks>
/// One queue of its own (exclusive, auto-delete, not durable) is bound to
/// <c>&lt;prefix&gt;.&lt;entity_type&gt;.info</c> of every type, so the watcher takes nothing from any
/// other consumer and leaves nothing behind. Within one type the notifications come in the order the
/// service published them. Notifications published while the bus connection is down are not shown.
/// </remarks>
public sealed class ChangeWatcher : IAsyncDisposable
{
    private const ushort Prefetch = 256;

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ILogger _logger;
    private readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });

    private ChangeWatcher(IConnection connection, IChannel channel, string queueName, IReadOnlyList<string> entityTypes, ILogger logger)
    {
        _connection = connection;
        _channel = channel;
        _logger = logger;
        QueueName = queueName;
        EntityTypes = entityTypes;
    }

    /// <summary>Gets the entity types watched, in the order given, without duplicates.</summary>
    public IReadOnlyList<string> EntityTypes { get; }

    /// <summary>Gets the name of the watcher's own queue, as the broker's management tools show it.</summary>
    public string QueueName { get; }

    /// <summary>
    /// Reads the notifications as they arrive, until <paramref name="cancellationToken"/> is cancelled or
    /// the watcher is disposed. One reader at a time. A message on the queue that is not a change
    /// notification is logged and skipped.
    /// </summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The notifications.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async IAsyncEnumerable<ChangeNotification> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _deliveries.Reader.WaitToReadAsync(cancellationToken))
        {
            while (_deliveries.Reader.TryRead(out var delivery))
            {
                // Taken by the reader: the broker may hand over the next one (the prefetch bounds what waits here).
                await AcknowledgeAsync(delivery.Tag);
                if (delivery.Notification is { } notification)
                {
                    yield return notification;
                }
            }
        }
    }

    /// <summary>Deletes the watcher's queue (by closing its channel) and ends <see cref="ReadAllAsync"/>.</summary>
    /// <returns>A task that completes when the channel is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        _connection.RecoverySucceededAsync -= OnRecoveredAsync;
        _deliveries.Writer.TryComplete();
        try
        {
            await _channel.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Gone with the connection.
        }
    }

    /// <summary>Declares the queue, binds it to every type's routing key and starts consuming.</summary>
    internal static async Task<ChangeWatcher> StartAsync(IConnection connection, SynchronizerClientOptions options, IReadOnlyList<string> entityTypes, ILogger logger, CancellationToken cancellationToken)
    {
        var queue = $"{options.ClientName}.watch.{Guid.NewGuid():N}";
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var watcher = new ChangeWatcher(connection, channel, queue, entityTypes, logger);
        try
        {
            await channel.BasicQosAsync(0, Prefetch, global: false, cancellationToken);
            await BrokerDeclarations.ControlExchangeAsync(channel, options.ControlExchange, options.AmqpDurableQueues, cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
            foreach (var entityType in entityTypes)
            {
                await channel.QueueBindAsync(queue, options.ControlExchange, $"{options.NotificationTopicPrefix}.{entityType}.info", cancellationToken: cancellationToken);
            }

            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += watcher.OnDeliveryAsync;
            connection.RecoverySucceededAsync += watcher.OnRecoveredAsync;
            await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        }
        catch
        {
            await watcher.DisposeAsync();
            throw;
        }

        return watcher;
    }

    private Task OnDeliveryAsync(object sender, BasicDeliverEventArgs delivery)
    {
        ChangeNotification? notification = null;
        try
        {
            notification = ChangeNotificationReader.Read(delivery.Body);
        }
        catch (InvalidDataException ex)
        {
            Log.NotificationUnreadable(_logger, QueueName, ex.Message);
        }

        // Unreadable ones go through the reader too, so that acknowledgements stay in delivery order.
        _deliveries.Writer.TryWrite(new Delivery(notification, delivery.DeliveryTag));
        return Task.CompletedTask;
    }

    private async ValueTask AcknowledgeAsync(ulong tag)
    {
        try
        {
            await _channel.BasicAckAsync(tag, multiple: false, CancellationToken.None);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The queue went with the connection; the recovered one starts afresh.
        }
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        Log.WatchRecovered(_logger, QueueName);
        return Task.CompletedTask;
    }

    /// <summary>A message taken from the queue: its notification (none when unreadable) and its delivery tag.</summary>
    private sealed record Delivery(ChangeNotification? Notification, ulong Tag);
}
