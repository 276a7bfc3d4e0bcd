using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Hosting;

/// <summary>Process options of the <c>[DEFAULT]</c> section, named as oslo.log and oslo.service name them.</summary>
internal sealed class ServiceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DEFAULT";

    /// <summary>The longest <see cref="GracefulShutdownTimeout"/> accepted, in seconds.</summary>
    public const int MaxGracefulShutdownTimeout = 3600;

    /// <summary>Gets or sets whether to log at Debug level instead of Information (secrets stay masked either way). The default value is <see langword="false"/>.</summary>
    [ConfigurationKeyName("debug")]
    public bool Debug { get; set; }

    /// <summary>Gets or sets the seconds shutdown waits for running polls to finish and publish their changes before it cancels them; keep it below the service manager's stop timeout (systemd TimeoutStopSec). The default value is 90.</summary>
    [ConfigurationKeyName("graceful_shutdown_timeout")]
    public int GracefulShutdownTimeout { get; set; } = 90;
}
