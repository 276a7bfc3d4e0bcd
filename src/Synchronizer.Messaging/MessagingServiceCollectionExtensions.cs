using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Synchronizer.Core.Publishing;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rabbit;
using Synchronizer.Messaging.Topics;

namespace Synchronizer.Messaging;

/// <summary>Registers the bus: the connection, topic names and the oslo notification publisher.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>Adds RabbitMQ messaging with options bound from <paramref name="section"/> (<c>[DEFAULT]</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding <see cref="MessagingOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOsloMessaging(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<MessagingOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RabbitConnectionProvider>();
        services.TryAddSingleton<TopicNameFormatter>();
        services.TryAddSingleton<IChangePublisher, OsloNotificationPublisher>();
        return services;
    }
}
