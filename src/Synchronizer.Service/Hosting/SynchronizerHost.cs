using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.AdminApi;
using Synchronizer.Service.Configuration.Validation;
using Synchronizer.Service.Plugins;
using Synchronizer.Service.PushPath;
using Synchronizer.Service.Rpc;

namespace Synchronizer.Service.Hosting;

/// <summary>Builds the Generic Host of <c>synchronizer serve</c>: logging, the synchronizer, the built-in plugins and those of the plugin directory.</summary>
internal static class SynchronizerHost
{
    public static IHost Build(IConfiguration configuration, Action<ILoggingBuilder>? logging = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        var service = configuration.GetSection(ServiceOptions.SectionName).Get<ServiceOptions>() ?? new ServiceOptions();
        builder.Logging.SetMinimumLevel(service.Debug ? LogLevel.Debug : LogLevel.Information);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // ASP.NET Core logs several lines per request; a Prometheus scrape every 15 s would flood the log.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);

        // Built-in plugins first, then those of [plugins] directory; every entity type they provide
        // polls unless its own section says "enabled = false".
        builder.Services.AddSynchronizer(configuration).AddNova().AddCinder().AddHeat().AddPluginDirectory();

        // After the plugins: it wraps the registered publisher to count what the broker confirmed.
        builder.Services.AddAdminApi(configuration);
        builder.Services.AddSynchronizerRpc(configuration);
        builder.Services.AddPushPath(configuration);

        // Shutdown waits this long for running polls (Quartz waits for its jobs) before cancelling them.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(service.GracefulShutdownTimeout, 1, ServiceOptions.MaxGracefulShutdownTimeout)));
        builder.Services.AddOptions<ServiceOptions>().Bind(configuration.GetSection(ServiceOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();

        // The rules no registration above brings; check-config runs them through this same host.
        builder.Services.AddConfigurationRules();
        return builder.Build();
    }
}
