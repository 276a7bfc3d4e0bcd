using System.Net;
using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Control;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Image;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Hosting;

/// <summary>
/// The composition root: builds the object graph by hand (every piece is a singleton) and mounts
/// the services under their devstack path prefixes on one Kestrel port: a Routes class per service,
/// its endpoints behind that service's pipeline.
/// </summary>
internal static class SimulatorApplication
{
    public static WebApplication Build(SimulatorOptions options, Action<ILoggingBuilder>? configureLogging)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SimulatorApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, ExternalLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (IPAddress.TryParse(options.Host, out var address))
            {
                kestrel.Listen(address, options.Port);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });

        builder.Services.AddSingleton(services => SimulatorParts.Create(options, services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<SimulatorParts>().Churn);
        if (options.NotificationsTransportUrl is not null)
        {
            builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<SimulatorParts>().Publisher!);
        }

        var app = builder.Build();
        var parts = app.Services.GetRequiredService<SimulatorParts>();
        var requestLog = new RequestLogMiddleware(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Synchronizer.Simulator.Requests"));
        app.Use(next => context => requestLog.InvokeAsync(context, next));
        app.Use(next => context => parts.FaultMiddleware.InvokeAsync(context, next));
        IdentityRoutes.Map(app, parts.TokenEndpoints);
        ComputeRoutes.Map(app, parts.ServerEndpoints, parts.FlavorEndpoints, parts.HypervisorEndpoints, parts.ZoneEndpoints, parts.NovaPipeline);
        BlockStorageRoutes.Map(app, parts.VolumeEndpoints, parts.CinderPipeline);
        ImageRoutes.Map(app, parts.Authenticator);
        OrchestrationRoutes.Map(app, parts.StackEndpoints, parts.HeatPipeline);
        ControlRoutes.Map(app, parts);
        app.MapFallback(context => JsonResponses.SendAsync(context, StatusCodes.Status404NotFound, "404 Not Found"u8.ToArray(), "text/plain"));
        return app;
    }
}
