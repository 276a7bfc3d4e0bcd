using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.Service.Metrics;

namespace Synchronizer.Service.AdminApi;

/// <summary>Starts and stops the admin API's web application with the service's Generic Host.</summary>
internal sealed class AdminApiHostedService : IHostedService, IAsyncDisposable
{
    private readonly IOptions<AdminApiOptions> _options;
    private readonly AdminEndpoints _endpoints;
    private readonly SynchronizerMetrics _metrics;
    private readonly EntityTypeGauges _gauges;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<AdminApiHostedService> _logger;
    private WebApplication? _app;

    public AdminApiHostedService(
        IOptions<AdminApiOptions> options, AdminEndpoints endpoints, SynchronizerMetrics metrics, EntityTypeGauges gauges, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options;
        _endpoints = endpoints;
        _metrics = metrics;
        _gauges = gauges;
        _loggers = loggers;
        _logger = loggers.CreateLogger<AdminApiHostedService>();
    }

    /// <summary>Gets the address the API listens on, for example <c>http://127.0.0.1:9480/</c>; <see langword="null"/> before the start.</summary>
    public Uri? Address { get; private set; }

    /// <exception cref="OptionsValidationException"><c>[admin_api]</c> is invalid (a non-loopback bind without a token, a malformed bind).</exception>
    /// <exception cref="InvalidOperationException">The address cannot be listened on; the message names <c>[admin_api] bind</c>.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Reading Value runs AdminApiOptionsValidator even when the host's start-up validation did not.
        var options = _options.Value;
        if (!BindAddress.TryParse(options.Bind, out var endpoint))
        {
            throw new InvalidOperationException($"[{AdminApiOptions.SectionName}] bind = '{options.Bind}' is not address:port.");
        }

        _metrics.InitializeTypes(_gauges.EntityTypes);
        var token = string.IsNullOrEmpty(options.AdminToken) ? null : new BearerToken(options.AdminToken);
        var app = AdminApiApplication.Build(endpoint, token, _endpoints, _loggers);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"[{AdminApiOptions.SectionName}] bind = {options.Bind}: the admin API cannot listen there ({ex.Message}); choose a free port or stop what uses it.", ex);
        }

        _app = app;
        Address = ListeningAddress(app);
        AdminApiLog.Listening(_logger, Address, token is null ? "no token: loopback only" : "bearer token required");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    // With port 0 Kestrel picks the port, so the address is read back from the server.
    private static Uri ListeningAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
