using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Hosting;

/// <summary>Builds the Generic Host of <c>synchronizer serve</c>: logging, the synchronizer and the built-in plugins.</summary>
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
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSynchronizer(configuration).AddNova();
        return builder.Build();
    }
}
