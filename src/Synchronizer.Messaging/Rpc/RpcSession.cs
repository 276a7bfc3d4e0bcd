using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// One subscription of the RPC server: a channel consuming the three queues of <see cref="RpcTopology"/>.
/// The client library recovers it with its connection after a broker restart; what it cannot recover
/// (a channel closed by an error, a consumer cancelled because its queue was deleted) ends the
/// session, and <see cref="OsloRpcServer"/> starts a new one.
/// </summary>
/// <remarks>
/// As oslo's server, a request is acknowledged before it runs (at most once: a crash never runs a
/// <c>sync</c> twice). Only <c>rpc_workers</c> requests run at once: the delivery callback waits for a
/// free worker before it acknowledges, so the prefetch window keeps the rest on the broker.
/// </remarks>
internal sealed partial class RpcSession : IAsyncDisposable
{
    private static readonly TimeSpan HealthCheckInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly RpcReplyPublisher _replies;
    private readonly RpcRequestHandler _handler;
    private readonly int _workerCount;
    private readonly int _maxRequestBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _workers;
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _consumerTags = [];
    private volatile bool _stopping;

    private RpcSession(IConnection connection, IChannel channel, IRpcDispatcher dispatcher, RpcServerOptions options, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _channel = channel;
        _replies = new RpcReplyPublisher(connection, time);
        _handler = new RpcRequestHandler(dispatcher, _replies, time, logger);
        _workerCount = options.Workers;
        _maxRequestBytes = options.MaxRequestBytes;
        _time = time;
        _logger = logger;
        _workers = new SemaphoreSlim(options.Workers, options.Workers);
    }

    /// <summary>Declares the topology and starts consuming.</summary>
    /// <exception cref="MessagingException">An exchange or queue exists with other flags.</exception>
    public static async Task<RpcSession> StartAsync(
        IConnection connection, RpcTopology topology, IRpcDispatcher dispatcher, RpcServerOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var session = new RpcSession(connection, channel, dispatcher, options, time, logger);
        try
        {
            await channel.BasicQosAsync(0, (ushort)options.Workers, global: false, cancellationToken);
            await session.DeclareAsync(topology, cancellationToken);
            foreach (var queue in new[] { topology.Topic, topology.ServerQueue, topology.FanoutQueue })
            {
                session._consumerTags.Add(await channel.BasicConsumeAsync(queue, autoAck: false, new RpcConsumer(session, queue), cancellationToken));
            }
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>Waits until the session cannot go on by itself, and says why.</summary>
    public async Task<string> WaitUntilLostAsync(CancellationToken cancellationToken)
    {
        var suspect = false;
        while (true)
        {
            var tick = Task.Delay(HealthCheckInterval, _time, cancellationToken);
            await Task.WhenAny(_lost.Task, tick);
            if (_lost.Task.IsCompleted)
            {
                return await _lost.Task;
            }

            cancellationToken.ThrowIfCancellationRequested();

            // A closed channel on an open connection was closed by an error and will not be recovered;
            // a closed connection is being recovered by the client library (it retries until it succeeds).
            if (!_channel.IsOpen && _connection.IsOpen)
            {
                if (suspect)
                {
                    return $"its channel closed ({_channel.CloseReason?.ReplyText ?? "no reason given"})";
                }

                suspect = true;
            }
            else
            {
                suspect = false;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        using (var cancelling = new CancellationTokenSource(DrainTimeout, _time))
        {
            foreach (var tag in _consumerTags)
            {
                // Bounded: the cancel-ok may wait behind a delivery that waits for a worker.
                await IgnoreClosedAsync(() => _channel.BasicCancelAsync(tag, noWait: false, cancelling.Token));
            }
        }

        // Running requests finish (and reply) before the channel closes; after the drain timeout they are cancelled.
        var drained = await DrainAsync();
        await _abort.CancelAsync();
        await _replies.DisposeAsync();
        await IgnoreClosedAsync(() => _channel.CloseAsync());
        await _channel.DisposeAsync();
        _abort.Dispose();
        if (drained)
        {
            _workers.Dispose();
        }
    }

    private static async Task IgnoreClosedAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The channel or its connection is already gone (or too slow to say goodbye): nothing left to undo.
        }
    }

    private async Task DeclareAsync(RpcTopology topology, CancellationToken cancellationToken)
    {
        var declaring = $"exchange '{topology.Exchange}' (topic, durable={topology.Durable})";
        try
        {
            await _channel.ExchangeDeclareAsync(topology.Exchange, ExchangeType.Topic, topology.Durable, autoDelete: false, cancellationToken: cancellationToken);
            foreach (var queue in new[] { topology.Topic, topology.ServerQueue })
            {
                declaring = $"queue '{queue}' (durable={topology.Durable})";
                await _channel.QueueDeclareAsync(queue, topology.Durable, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
                await _channel.QueueBindAsync(queue, topology.Exchange, queue, cancellationToken: cancellationToken);
            }

            declaring = $"exchange '{topology.FanoutExchange}' (fanout, durable=false, auto-delete)";
            await _channel.ExchangeDeclareAsync(topology.FanoutExchange, ExchangeType.Fanout, durable: false, autoDelete: true, cancellationToken: cancellationToken);
            declaring = $"queue '{topology.FanoutQueue}'";
            var expires = new Dictionary<string, object?> { ["x-expires"] = RpcTopology.TransientQueueExpiresMs };
            await _channel.QueueDeclareAsync(topology.FanoutQueue, durable: false, exclusive: false, autoDelete: false, expires, cancellationToken: cancellationToken);
            await _channel.QueueBindAsync(topology.FanoutQueue, topology.FanoutExchange, topology.Topic, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 406)
        {
            throw new MessagingException(
                $"The broker already has {declaring.Split(" (")[0]} with other flags than {declaring}, which oslo.messaging uses: " +
                $"set [DEFAULT] amqp_durable_queues to match the existing one, or delete it. Broker said: {ex.ShutdownReason.ReplyText}", ex);
        }
    }

    private async Task OnDeliveryAsync(ulong deliveryTag, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (_stopping)
        {
            // Not acknowledged: the broker gives it to another server, or to this one when it listens again.
            return;
        }

        if (body.Length > _maxRequestBytes)
        {
            Log.RpcRequestTooLarge(_logger, body.Length, _maxRequestBytes);
            await IgnoreClosedAsync(() => _channel.BasicRejectAsync(deliveryTag, requeue: false, cancellationToken).AsTask());
            return;
        }

        var incoming = OsloRpcRequestReader.Read(body.Span);
        if (incoming.DropReason is not null)
        {
            Log.RpcRequestDropped(_logger, incoming.Method, incoming.DropReason);
            await IgnoreClosedAsync(() => _channel.BasicRejectAsync(deliveryTag, requeue: false, cancellationToken).AsTask());
            return;
        }

        try
        {
            await _workers.WaitAsync(_abort.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await _channel.BasicAckAsync(deliveryTag, multiple: false, cancellationToken);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // As oslo: a request whose acknowledgement failed is not run; the broker will deliver it again.
            _workers.Release();
            return;
        }

        _ = Task.Run(() => RunAsync(incoming), CancellationToken.None);
    }

    private async Task RunAsync(OsloRpcIncoming incoming)
    {
        try
        {
            await _handler.HandleAsync(incoming, _abort.Token);
        }
        catch (Exception ex)
        {
            // The handler turns every failure into a reply or a log line; this is the last guard of the worker.
            Log.RpcCallCrashed(_logger, ex, incoming.Method ?? "(none)");
        }
        finally
        {
            _workers.Release();
        }
    }

    /// <summary>Takes every worker, waiting for the running requests; cancels them when they take too long.</summary>
    private async Task<bool> DrainAsync()
    {
        var taken = 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var deadline = new CancellationTokenSource(DrainTimeout, _time);
            try
            {
                for (; taken < _workerCount; taken++)
                {
                    await _workers.WaitAsync(deadline.Token);
                }

                return true;
            }
            catch (OperationCanceledException)
            {
                await _abort.CancelAsync();
            }
        }

        return false;
    }

    private void MarkLost(string reason) => _lost.TrySetResult(reason);
}
