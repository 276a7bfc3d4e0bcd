using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Synchronizer.Core.Polling;
using Synchronizer.Messaging.Listening;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.PushPath;

/// <summary>Registers the push path: OpenStack's notifications trigger an immediate re-read (CONTRACT §7).</summary>
internal static class PushPathServiceCollectionExtensions
{
    /// <summary>
    /// Adds the push path (<c>[openstack_notifications]</c>): its handler and the hosted service that
    /// listens when <c>enabled = true</c>. Call it after <c>AddSynchronizer</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The whole configuration (<c>[openstack_notifications]</c> and the per-type sections).</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddPushPath(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(PushPathHostedService)))
        {
            return services;
        }

        services.AddOptions<OpenStackNotificationsOptions>().Bind(configuration.GetSection(OpenStackNotificationsOptions.SectionName));
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new EnabledTypes(provider.GetRequiredService<SynchronizationEngine>(), configuration));
        services.TryAddSingleton<SynchronizerMetrics>();
        services.TryAddSingleton<PushPathHandler>();
        services.TryAddSingleton<IOpenStackNotificationHandler>(provider => provider.GetRequiredService<PushPathHandler>());
        services.AddSingleton<PushPathHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<PushPathHostedService>());
        return services;
    }
}
