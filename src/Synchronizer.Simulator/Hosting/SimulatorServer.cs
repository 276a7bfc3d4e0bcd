using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Synchronizer.Simulator.Control;

namespace Synchronizer.Simulator.Hosting;

/// <summary>
/// A simulated OpenStack (Keystone, Nova, Cinder and Heat) running in-process on one Kestrel port, laid out
/// like devstack: <c>/identity</c>, <c>/compute</c>, <c>/volume</c>, <c>/orchestration</c>, plus the
/// <c>/control</c> API. Dispose it to stop it.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _controlHttp;

    private SimulatorServer(WebApplication app, Uri baseAddress, SimulatorOptions options)
    {
        _app = app;
        Options = options;
        BaseAddress = baseAddress;
        _controlHttp = new HttpClient { BaseAddress = baseAddress };
        Control = new SimulatorControlClient(_controlHttp);
    }

    /// <summary>Gets the root of the simulator, with a trailing slash, e.g. <c>http://127.0.0.1:8780/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the Keystone v3 URL for clients' <c>auth_url</c>: <c>{base}identity/v3</c>.</summary>
    public Uri IdentityUrl => new(BaseAddress, "identity/v3");

    /// <summary>Gets a client of the control API.</summary>
    public SimulatorControlClient Control { get; }

    /// <summary>Gets the options the simulator was started with.</summary>
    public SimulatorOptions Options { get; }

    internal SimulatorParts Parts => _app.Services.GetRequiredService<SimulatorParts>();

    /// <summary>Starts a simulator and returns once it accepts connections.</summary>
    /// <param name="options">Accounts, limits, seed data and the address to listen on.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, configureLogging: null, ct);

    internal static async Task<SimulatorServer> StartAsync(SimulatorOptions options, Action<ILoggingBuilder>? configureLogging, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var app = SimulatorApplication.Build(options, configureLogging);
        try
        {
            await app.StartAsync(ct);
            return new SimulatorServer(app, ListeningAddress(app), options);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _controlHttp.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // With port 0 Kestrel picks the port, so the address is read back from the server.
    private static Uri ListeningAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);

        // A wildcard bind has no address a client can dial; the loopback one works on this machine.
        var host = uri.Host is "0.0.0.0" or "[::]" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri;
    }
}
