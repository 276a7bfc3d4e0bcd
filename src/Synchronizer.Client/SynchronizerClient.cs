using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Transport;
using Synchronizer.Client.Watching;

namespace Synchronizer.Client;

/// <summary>
/// A consumer of the synchronizer (CONTRACT §5): one connection to its bus, its RPC API, and
/// followers that keep exact replicas of entity types.
/// </summary>
/// <example>
/// <code>
/// await using var client = await SynchronizerClient.ConnectAsync(new SynchronizerClientOptions { TransportUrl = url });
/// await using var servers = await client.FollowAsync("nova.instance");
/// Console.WriteLine($"{servers.Entities.Count} servers at revision {servers.Revision}");
/// await foreach (var change in servers.ReadChangesAsync(cancellationToken))
/// {
///     Console.WriteLine($"r{change.Revision} {change.Kind} {change.Id}");
/// }
/// </code>
/// </example>
public sealed class SynchronizerClient : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IConnection _connection;
    private readonly OsloRpcCaller _caller;
    private readonly SynchronizerClientOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;

    private SynchronizerClient(IConnection connection, OsloRpcCaller caller, SynchronizerClientOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _connection = connection;
        _caller = caller;
        _options = options;
        _loggerFactory = loggerFactory;
        _time = time;
        Rpc = new SynchronizerRpcClient(caller);
    }

    /// <summary>Gets the synchronizer's RPC API.</summary>
    public ISynchronizerRpc Rpc { get; }

    /// <summary>
    /// Connects to the synchronizer's bus. The connection recovers by itself when the broker restarts;
    /// followers then catch up from the change log.
    /// </summary>
    /// <param name="options">Where the synchronizer is; read once.</param>
    /// <param name="loggerFactory">Where the client logs (gaps, new snapshots, reconnections); none when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="FormatException"><see cref="SynchronizerClientOptions.TransportUrl"/> is not a rabbit URL.</exception>
    /// <exception cref="RabbitMQ.Client.Exceptions.BrokerUnreachableException">No broker of the URL could be reached.</exception>
    /// <exception cref="InvalidOperationException">The control exchange exists with other flags than <see cref="SynchronizerClientOptions.AmqpDurableQueues"/> says.</exception>
    public static Task<SynchronizerClient> ConnectAsync(SynchronizerClientOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(options, loggerFactory, TimeProvider.System, cancellationToken);

    /// <summary>Follows an entity type: subscribes to its notifications, then takes a snapshot of it (CONTRACT §5.1–§5.3).</summary>
    /// <param name="entityType">The entity type, for example <c>nova.instance</c>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The follower, its replica complete at <see cref="ReplicaFollower.Revision"/>.</returns>
    /// <exception cref="SynchronizerRpcException">The service refused (for example <see cref="RpcErrorClasses.UnknownEntityType"/>).</exception>
    /// <exception cref="TimeoutException">The service did not answer in time.</exception>
    public Task<ReplicaFollower> FollowAsync(string entityType, CancellationToken cancellationToken = default) =>
        FollowAsync(entityType, new FollowOptions(), cancellationToken);

    /// <summary>
    /// Follows an entity type: subscribes to its notifications, then takes a snapshot of it, or, with
    /// <see cref="FollowOptions.PersistedReplica"/>, reconciles that replica (CONTRACT §5).
    /// </summary>
    /// <param name="entityType">The entity type, for example <c>nova.instance</c>.</param>
    /// <param name="options">The queue and the starting point.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The follower, its replica complete at <see cref="ReplicaFollower.Revision"/>.</returns>
    /// <exception cref="SynchronizerRpcException">The service refused (for example <see cref="RpcErrorClasses.UnknownEntityType"/>).</exception>
    /// <exception cref="TimeoutException">The service did not answer in time.</exception>
    public async Task<ReplicaFollower> FollowAsync(string entityType, FollowOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityType);
        ArgumentNullException.ThrowIfNull(options);
        var logger = _loggerFactory.CreateLogger<ReplicaFollower>();

        // Subscribed first, so that nothing published while the snapshot is read is missed (CONTRACT §5.1).
        var subscription = await AmqpChangeSubscription.StartAsync(_connection, _options, entityType, options, logger, cancellationToken);
        return await ReplicaFollower.StartAsync(entityType, Rpc, subscription, options, _options.PageSize, logger, _time, FirstRetryDelay, cancellationToken);
    }

    /// <summary>
    /// Watches the change notifications of some entity types as they are published, through a queue of
    /// the watcher's own that robs no other consumer (see <see cref="ChangeWatcher"/>). Nothing is asked of
    /// the service: a type nobody publishes simply shows no changes.
    /// </summary>
    /// <param name="entityTypes">The entity types, for example <c>nova.instance</c>; duplicates are watched once.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The watcher, already subscribed: nothing published from now on is missed.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityTypes"/> is empty or holds an empty name.</exception>
    /// <exception cref="InvalidOperationException">The control exchange exists with other flags than <see cref="SynchronizerClientOptions.AmqpDurableQueues"/> says.</exception>
    public Task<ChangeWatcher> WatchAsync(IEnumerable<string> entityTypes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityTypes);
        var types = entityTypes.Distinct(StringComparer.Ordinal).ToArray();
        if (types.Length == 0 || types.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one entity type, and no empty one.", nameof(entityTypes));
        }

        return ChangeWatcher.StartAsync(_connection, _options, types, _loggerFactory.CreateLogger<ChangeWatcher>(), cancellationToken);
    }

    /// <summary>Closes the connection; followers stop with it.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Connects with a given clock (the tests' fake one).</summary>
    internal static async Task<SynchronizerClient> ConnectAsync(SynchronizerClientOptions options, ILoggerFactory? loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var address = TransportAddress.Parse(options.TransportUrl);
        var factory = new ConnectionFactory
        {
            UserName = address.UserName,
            Password = address.Password,
            VirtualHost = address.VirtualHost,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            ClientProvidedName = options.ClientName,
        };
        var connection = await factory.CreateConnectionAsync(address.Endpoints, cancellationToken);
        try
        {
            var settings = new RpcCallerSettings(options.ControlExchange, options.AmqpDurableQueues, options.RpcTopic, options.RpcTimeout, options.CallMonitorTimeout);
            var logger = loggerFactory.CreateLogger<SynchronizerClient>();
            var caller = await OsloRpcCaller.StartAsync(connection, settings, time, logger, cancellationToken);
            Log.Connected(logger, address.Redacted);
            return new SynchronizerClient(connection, caller, options, loggerFactory, time);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Validate(SynchronizerClientOptions options)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(options.ControlExchange), options.ControlExchange),
            (nameof(options.RpcTopic), options.RpcTopic),
            (nameof(options.NotificationTopicPrefix), options.NotificationTopicPrefix),
            (nameof(options.ClientName), options.ClientName),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{nameof(SynchronizerClientOptions)}.{name} must not be empty.", nameof(options));
            }
        }

        if (options.RpcTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(SynchronizerClientOptions)}.{nameof(options.RpcTimeout)} must be positive.", nameof(options));
        }

        if (options.CallMonitorTimeout is { } monitor && monitor < TimeSpan.FromSeconds(2))
        {
            throw new ArgumentException($"{nameof(SynchronizerClientOptions)}.{nameof(options.CallMonitorTimeout)} must be at least 2 seconds (the service sends keep-alives every half of it, never more often than once a second).", nameof(options));
        }

        if (options.PageSize is < 1 or > 5000)
        {
            throw new ArgumentException($"{nameof(SynchronizerClientOptions)}.{nameof(options.PageSize)} must be from 1 to 5000.", nameof(options));
        }
    }
}
