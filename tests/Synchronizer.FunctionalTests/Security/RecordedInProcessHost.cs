using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Synchronizer.Service.Configuration;
using Synchronizer.Service.Hosting;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// The host <c>synchronizer serve</c> builds, from the same configuration file, run in this process with
/// every logger at <see cref="LogLevel.Trace"/>, Quartz and HttpClient included.
/// </summary>
/// <remarks>
/// The shipped command logs at Information and has no option to lower that, so the Debug and Trace
/// messages can only be reached through the host's logging hook; <see cref="LogCapture"/> keeps each
/// entry with its structured values and exceptions.
/// </remarks>
internal sealed class RecordedInProcessHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly LogCapture _capture;

    private RecordedInProcessHost(IHost host, LogCapture capture)
    {
        _host = host;
        _capture = capture;
    }

    /// <summary>Gets every log entry so far, one line each (an exception adds its own lines).</summary>
    public IReadOnlyList<OutputLine> Output => _capture.Lines;

    public static async Task<RecordedInProcessHost> StartAsync(string configFile)
    {
        var capture = new LogCapture();
        var configuration = SynchronizerConfigurationBuilder.Build([configFile], []);
        var host = SynchronizerHost.Build(configuration, logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(capture);
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter("Quartz", LogLevel.Trace);
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Trace);
        });
        await host.StartAsync();
        return new RecordedInProcessHost(host, capture);
    }

    /// <summary>Stops the host as SIGTERM would: running polls finish, the bus connections close.</summary>
    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
