using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Synchronizer.Messaging.Rpc;

/// <summary>Registers the oslo RPC server (CONTRACT §4).</summary>
public static class RpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds the oslo RPC server as a hosted service, with <see cref="RpcServerOptions"/> bound from
    /// <paramref name="section"/> (<c>[DEFAULT]</c>) and validated at start-up. It needs an
    /// <see cref="IRpcDispatcher"/> registered by the caller and the bus of
    /// <see cref="MessagingServiceCollectionExtensions.AddOsloMessaging"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding <see cref="RpcServerOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOsloRpcServer(this IServiceCollection services, IConfiguration section) =>
        services.AddOsloRpcServer(section, _ => { });

    /// <summary>Adds the oslo RPC server with <typeparamref name="TDispatcher"/> (a singleton) running the methods.</summary>
    /// <typeparam name="TDispatcher">The dispatcher.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding <see cref="RpcServerOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOsloRpcServer<TDispatcher>(this IServiceCollection services, IConfiguration section)
        where TDispatcher : class, IRpcDispatcher
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IRpcDispatcher, TDispatcher>();
        return services.AddOsloRpcServer(section, _ => { });
    }

    /// <summary>
    /// Adds the oslo RPC server. Each option is taken from <paramref name="configure"/>, then the
    /// section, then its default; the options are validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding <see cref="RpcServerOptions"/>.</param>
    /// <param name="configure">Sets options in code, after the section is bound.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOsloRpcServer(this IServiceCollection services, IConfiguration section, Action<RpcServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RpcServerOptions>().Bind(section).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RpcServerOptions>, RpcServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OsloRpcServer>();

        // One hosted service however often this is called: it is the server singleton itself.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OsloRpcServer>(provider => provider.GetRequiredService<OsloRpcServer>()));
        return services;
    }
}
