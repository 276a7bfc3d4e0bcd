using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Identity;
using Synchronizer.OpenStack.Paging;

namespace Synchronizer.OpenStack;

/// <summary>Registers OpenStack access: Keystone tokens, the catalog-aware client and the pager.</summary>
public static class OpenStackServiceCollectionExtensions
{
    /// <summary>Adds the OpenStack client, with credentials bound from <paramref name="credentials"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="credentials">The <c>[service_credentials]</c> configuration section.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOpenStack(this IServiceCollection services, IConfiguration credentials)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(credentials);
        services.AddOptions<ServiceCredentialsOptions>().Bind(credentials);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenProvider, KeystoneTokenProvider>();
        services.TryAddSingleton<IOpenStackClient, OpenStackClient>();
        services.TryAddSingleton<ICollectionReader, CollectionReader>();
        services.AddHttpClient(OpenStackHttpClientNames.Identity).ConfigureHttpClient(ApplyTimeout);
        services.AddHttpClient(OpenStackHttpClientNames.Services).ConfigureHttpClient(ApplyTimeout);
        return services;
    }

    private static void ApplyTimeout(IServiceProvider provider, HttpClient client)
    {
        var seconds = provider.GetRequiredService<IOptions<ServiceCredentialsOptions>>().Value.RequestTimeoutSeconds;
        client.Timeout = TimeSpan.FromSeconds(seconds > 0 ? seconds : 60);
    }
}
