using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Synchronizer.Messaging;
using Synchronizer.Messaging.Listening;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>Registers the configuration rules that no other registration brings, so the host and <c>check-config</c> apply them alike.</summary>
internal static class ConfigurationRulesServiceCollectionExtensions
{
    /// <summary>Validates <c>[DEFAULT]</c>'s bus options and <c>[openstack_notifications]</c> at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddConfigurationRules(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<MessagingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.AddOptions<OpenStackNotificationsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenStackNotificationsOptions>, OpenStackNotificationsOptionsValidator>());
        return services;
    }
}
