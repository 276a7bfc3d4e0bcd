namespace Synchronizer.Simulator.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl-C and SIGTERM alone: the in-process server is stopped by whoever
/// started it (a test, or the command line, which owns the process signals).
/// </summary>
internal sealed class ExternalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
