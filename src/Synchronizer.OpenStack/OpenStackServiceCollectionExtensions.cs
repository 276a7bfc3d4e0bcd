using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack.Credentials;
using Synchronizer.OpenStack.Identity;
using Synchronizer.OpenStack.Microversions;
using Synchronizer.OpenStack.Paging;
using Synchronizer.OpenStack.Resilience;

namespace Synchronizer.OpenStack;

/// <summary>Registers OpenStack access: Keystone tokens, the catalog-aware client, microversion negotiation and the pager.</summary>
public static class OpenStackServiceCollectionExtensions
{
    /// <summary>Adds the OpenStack client, with credentials bound from <paramref name="credentials"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="credentials">The <c>[service_credentials]</c> configuration section.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOpenStack(this IServiceCollection services, IConfiguration credentials) =>
        services.AddOpenStack(credentials, _ => { });

    /// <summary>
    /// Adds the OpenStack client. Each key is taken from, highest first: <paramref name="configure"/> or
    /// the section (<paramref name="credentials"/>); the <c>clouds.yaml</c> entry named by <c>cloud</c>
    /// (or <c>OS_CLOUD</c> when the section sets neither <c>cloud</c> nor <c>auth_url</c>); the
    /// <c>OS_*</c> variables when the section sets neither; the defaults. The options are validated
    /// at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="credentials">The <c>[service_credentials]</c> configuration section.</param>
    /// <param name="configure">Sets options in code, after the section is bound.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddOpenStack(this IServiceCollection services, IConfiguration credentials, Action<ServiceCredentialsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ServiceCredentialsOptions>().Bind(credentials).Configure(configure).ValidateOnStart();
        services.TryAddSingleton(_ => ClientConfigEnvironment.FromProcess());
        services.AddSingleton<IPostConfigureOptions<ServiceCredentialsOptions>>(provider =>
            new CredentialSources(credentials, provider.GetRequiredService<ClientConfigEnvironment>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceCredentialsOptions>, ServiceCredentialsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenProvider, KeystoneTokenProvider>();
        services.TryAddSingleton<VersionDocumentReader>();
        services.TryAddSingleton<IMicroversionNegotiator, MicroversionNegotiator>();
        services.TryAddSingleton<OpenStackClient>();

        // Identical GETs at the same moment (the push path re-reading one server per notification) share reads.
        services.TryAddSingleton<IOpenStackClient>(provider => new CoalescingOpenStackClient(provider.GetRequiredService<OpenStackClient>()));
        services.TryAddSingleton<ICollectionReader, CollectionReader>();
        foreach (var name in new[] { OpenStackHttpClientNames.Identity, OpenStackHttpClientNames.Services })
        {
            services.AddHttpClient(name)

                // The pipeline enforces request_timeout and total_timeout on the injected clock.
                .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
                .AddHttpMessageHandler(CreateResilienceHandler)

                // X-Auth-Token and X-Subject-Token must never reach a log, whatever the log level.
                .RedactLoggedHeaders(_ => true);
        }

        return services;
    }

    // Built with each handler (IHttpClientFactory renews them every two minutes), so option changes apply.
    private static ResilienceHandler CreateResilienceHandler(IServiceProvider provider) =>
        new(OpenStackResiliencePipeline.Build(
            provider.GetRequiredService<IOptionsMonitor<ServiceCredentialsOptions>>().CurrentValue,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ResilienceHandler>>()));
}
