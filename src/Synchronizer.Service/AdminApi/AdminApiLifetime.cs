using Microsoft.Extensions.Hosting;

namespace Synchronizer.Service.AdminApi;

/// <summary>
/// A lifetime that leaves Ctrl-C and SIGTERM to the service's own host, which starts and stops the
/// admin API's web application through <see cref="AdminApiHostedService"/>.
/// </summary>
internal sealed class AdminApiLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
