using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// An oslo.messaging-compatible RPC server (CONTRACT §4): it consumes the topic's shared queue, its
/// server queue and its fanout queue (see <see cref="RpcTopology"/>), hands each request to the
/// <see cref="IRpcDispatcher"/> and replies as oslo's server does. A malformed request is answered with
/// a failure or dropped with a log line; it never stops the server.
/// </summary>
/// <remarks>
/// The server has a connection of its own, so that publishing never holds up its acknowledgements and
/// replies. The client library recovers that connection, its queues and consumers when the broker
/// restarts; whatever it cannot recover (no broker at start-up, a declaration the broker refuses, a
/// queue deleted under the consumer) makes the server listen again after a delay that doubles from
/// one second up to thirty.
/// </remarks>
public sealed class OsloRpcServer : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IRpcDispatcher _dispatcher;
    private readonly IOptionsMonitor<MessagingOptions> _messaging;
    private readonly IOptionsMonitor<RpcServerOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OsloRpcServer> _logger;
    private readonly RabbitConnectionProvider _connections;
    private volatile TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Initializes a new instance of the <see cref="OsloRpcServer"/> class.</summary>
    /// <param name="dispatcher">Runs the methods.</param>
    /// <param name="messaging">The bus options: transport URL, control exchange, durability, host.</param>
    /// <param name="options">The RPC options.</param>
    /// <param name="time">The clock of retries and keep-alives.</param>
    /// <param name="loggerFactory">Creates the loggers.</param>
    public OsloRpcServer(
        IRpcDispatcher dispatcher,
        IOptionsMonitor<MessagingOptions> messaging,
        IOptionsMonitor<RpcServerOptions> options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _dispatcher = dispatcher;
        _messaging = messaging;
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<OsloRpcServer>();
        _connections = new RabbitConnectionProvider(messaging, loggerFactory.CreateLogger<RabbitConnectionProvider>());
    }

    /// <summary>Gets a value indicating whether the server consumes its queues now (its connection is up).</summary>
    public bool IsListening => _listening.Task.IsCompleted && _connections.IsConnected;

    /// <summary>Waits until the server consumes its queues: requests sent from then on are served.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the server listens.</returns>
    public Task WaitUntilListeningAsync(CancellationToken cancellationToken) => _listening.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messaging = _messaging.CurrentValue;
                var options = _options.CurrentValue;
                var topology = RpcTopology.For(messaging, options);
                var connection = await _connections.GetConnectionAsync(stoppingToken);
                await using var session = await RpcSession.StartAsync(connection, topology, _dispatcher, options, _time, _logger, stoppingToken);
                Log.RpcListening(_logger, topology.Topic, topology.ServerQueue, topology.Exchange, topology.FanoutExchange);
                _listening.TrySetResult();
                delay = FirstRetryDelay;
                var reason = await session.WaitUntilLostAsync(stoppingToken);
                Log.RpcSessionLost(_logger, reason);
                _listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Whatever went wrong with the broker (unreachable, refused credentials or declarations,
                // closed under us), the server keeps trying: it must not take the service down.
                Log.RpcListenFailed(_logger, ex.Message, (long)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }

        // The connection lives as long as the server runs.
        await _connections.DisposeAsync();
        Log.RpcStopped(_logger);
    }
}
