using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// Publishes replies as oslo's <c>direct_send</c> does: default exchange, routing key <c>_reply_q</c>,
/// <c>mandatory</c>, on a channel with publisher confirms. A reply whose queue is missing comes back
/// (basic.return); a final reply is retried for a short while, because a caller's reply queue is
/// briefly missing while it reconnects after a broker restart, then dropped. A queue found missing is
/// remembered for a minute so that replies to a caller that is gone do not each wait again (oslo's
/// <c>ObsoleteReplyQueuesCache</c>).
/// </summary>
internal sealed class RpcReplyPublisher : IRpcReplySender, IAsyncDisposable
{
    private const int MissingQueueCacheSize = 200;
    private static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MissingQueueMemory = TimeSpan.FromSeconds(60);

    private static readonly BasicProperties Properties = new()
    {
        ContentType = "application/json",
        ContentEncoding = "utf-8",
        DeliveryMode = DeliveryModes.Persistent,
        Priority = 0,
    };

    private readonly IConnection _connection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly Dictionary<string, DateTimeOffset> _missingQueues = new(StringComparer.Ordinal);
    private IChannel? _channel;

    public RpcReplyPublisher(IConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    public async Task SendAsync(string replyQueue, ReadOnlyMemory<byte> body, bool retry, CancellationToken cancellationToken)
    {
        if (WasMissingLately(replyQueue))
        {
            throw new RpcReplyUndeliverableException($"its reply queue '{replyQueue}' was missing a moment ago");
        }

        var deadline = _time.GetUtcNow() + (retry ? RetryWindow : TimeSpan.Zero);
        var delay = FirstRetryDelay;
        while (true)
        {
            string problem;
            var queueMissing = false;
            try
            {
                var channel = await GetChannelAsync(cancellationToken);
                await channel.BasicPublishAsync(string.Empty, replyQueue, mandatory: true, Properties, body, cancellationToken);
                return;
            }
            catch (PublishException ex) when (ex.IsReturn)
            {
                problem = $"its reply queue '{replyQueue}' does not exist";
                queueMissing = true;
            }
            catch (PublishException)
            {
                problem = "the broker refused it (nack)";
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                problem = $"the broker is unreachable ({ex.Message})";
            }

            if (_time.GetUtcNow() + delay > deadline)
            {
                if (queueMissing)
                {
                    RememberMissing(replyQueue);
                }

                throw new RpcReplyUndeliverableException(problem);
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseChannelAsync();
        _opening.Dispose();
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } raced)
            {
                return raced;
            }

            // A channel closed by a channel error is not recovered by the client library: open another.
            await CloseChannelAsync();
            _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            return _channel;
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task CloseChannelAsync()
    {
        if (_channel is null)
        {
            return;
        }

        try
        {
            await _channel.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Already gone with its connection.
        }

        _channel = null;
    }

    private bool WasMissingLately(string replyQueue)
    {
        lock (_missingQueues)
        {
            if (!_missingQueues.TryGetValue(replyQueue, out var until))
            {
                return false;
            }

            if (until > _time.GetUtcNow())
            {
                return true;
            }

            _missingQueues.Remove(replyQueue);
            return false;
        }
    }

    private void RememberMissing(string replyQueue)
    {
        lock (_missingQueues)
        {
            var now = _time.GetUtcNow();
            if (_missingQueues.Count >= MissingQueueCacheSize)
            {
                foreach (var expired in _missingQueues.Where(e => e.Value <= now).Select(e => e.Key).ToList())
                {
                    _missingQueues.Remove(expired);
                }

                if (_missingQueues.Count >= MissingQueueCacheSize)
                {
                    _missingQueues.Remove(_missingQueues.MinBy(e => e.Value).Key);
                }
            }

            _missingQueues[replyQueue] = now + MissingQueueMemory;
        }
    }
}
