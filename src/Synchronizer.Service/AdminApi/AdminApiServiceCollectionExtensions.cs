using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.AdminApi;

/// <summary>Registers the admin HTTP API, the metrics it serves and the sync coordinator behind it.</summary>
internal static class AdminApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the admin HTTP API (<c>[admin_api]</c>, validated at start-up), its metrics and the
    /// <see cref="SyncCoordinator"/>. Call it after <c>AddSynchronizer</c>: it wraps the registered
    /// <see cref="IChangePublisher"/> to count the notifications published.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The whole configuration (<c>[admin_api]</c> and the per-type sections).</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IChangePublisher"/> is registered yet.</exception>
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AdminApiHostedService)))
        {
            return services;
        }

        services.AddOptions<AdminApiOptions>().Bind(configuration.GetSection(AdminApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminApiOptions>, AdminApiOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new EnabledTypes(provider.GetRequiredService<SynchronizationEngine>(), configuration));
        services.TryAddSingleton<SynchronizerMetrics>();
        services.TryAddSingleton<EntityTypeGauges>();
        services.TryAddSingleton<MetricsCollector>();
        services.TryAddSingleton<SyncCoordinator>();
        services.TryAddSingleton<IBusConnectionProbe, RabbitConnectionProbe>();
        services.TryAddSingleton<ReadinessCheck>();
        services.TryAddSingleton<AdminEndpoints>();
        services.AddSingleton<AdminApiHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<AdminApiHostedService>());
        CountPublishedNotifications(services);
        return services;
    }

    // Core and Messaging know nothing of metrics: the publisher is wrapped where it is registered.
    private static void CountPublishedNotifications(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IChangePublisher) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddAdminApi wraps the registered IChangePublisher to count notifications: call it after AddSynchronizer.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(
            typeof(IChangePublisher),
            provider =>
            {
                var metrics = provider.GetRequiredService<SynchronizerMetrics>();
                return registered switch
                {
                    { ImplementationInstance: IChangePublisher instance } => new CountingChangePublisher(instance, metrics, ownsInner: false),
                    { ImplementationFactory: { } factory } => new CountingChangePublisher((IChangePublisher)factory(provider), metrics, ownsInner: true),
                    _ => new CountingChangePublisher((IChangePublisher)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!), metrics, ownsInner: true),
                };
            },
            registered.Lifetime));
    }
}
