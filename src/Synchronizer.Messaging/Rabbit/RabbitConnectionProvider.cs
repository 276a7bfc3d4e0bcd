using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Synchronizer.Messaging.Rabbit;

/// <summary>
/// Owns the one AMQP connection of the process, opened on first use and recovered automatically by
/// the client library when the broker restarts.
/// </summary>
public sealed class RabbitConnectionProvider : IAsyncDisposable
{
    private readonly IOptionsMonitor<MessagingOptions> _options;
    private readonly ILogger<RabbitConnectionProvider> _logger;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;

    /// <summary>Initializes a new instance of the <see cref="RabbitConnectionProvider"/> class.</summary>
    /// <param name="options">The bus options.</param>
    /// <param name="logger">The logger.</param>
    public RabbitConnectionProvider(IOptionsMonitor<MessagingOptions> options, ILogger<RabbitConnectionProvider> logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>Gets whether the connection is open now.</summary>
    public bool IsConnected => _connection?.IsOpen == true;

    /// <summary>Returns the open connection, connecting first when needed.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="MessagingException">No broker of the transport URL could be reached.</exception>
    public async Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } raced)
            {
                return raced;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            var options = _options.CurrentValue;
            var url = TransportUrl.Parse(options.TransportUrl);
            _connection = await RabbitConnections.OpenAsync(url, $"synchronizer:{options.Host}", cancellationToken);
            var redacted = url.ToString();
            Log.Connected(_logger, redacted);
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }
}
