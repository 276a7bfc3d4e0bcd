using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.Core.Polling;

namespace Synchronizer.Service.Storage;

/// <summary>
/// The service's first start-up step: opens the state store and publishes, in revision order, the
/// changes recorded before a restart that the broker never confirmed. It is registered before the
/// scheduler, so no poll starts before it is done.
/// </summary>
/// <remarks>
/// A store that cannot be opened stops the service (the message names <c>[database] connection</c>);
/// a broker that is down does not: those changes stay queued and each type's first poll publishes
/// them before anything newer.
/// </remarks>
internal sealed class PendingChangesRecovery : IHostedService
{
    private readonly SynchronizationEngine _engine;
    private readonly IOptions<DatabaseOptions> _options;
    private readonly ILogger<PendingChangesRecovery> _logger;

    public PendingChangesRecovery(SynchronizationEngine engine, IOptions<DatabaseOptions> options, ILogger<PendingChangesRecovery> logger)
    {
        _engine = engine;
        _options = options;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = DatabaseConnection.Parse(_options.Value.Connection);
        if (connection.Kind == DatabaseKind.SqliteFile)
        {
            Log.StateDatabase(_logger, connection.Path!);
        }
        else
        {
            Log.StateInMemory(_logger);
        }

        var published = await _engine.PublishPendingAsync(cancellationToken);
        Log.RecoveryDone(_logger, published);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
