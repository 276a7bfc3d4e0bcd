using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Identity;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Testing;

/// <summary>
/// A service provider holding one plugin wired as the service wires it: the OpenStack client, the
/// pager and the plugin's own <c>Add&lt;Svc&gt;</c> registrations, over an in-memory configuration.
/// </summary>
/// <example>
/// <code>
/// var client = new FixtureOpenStackClient().OnPage("orchestration", "/stacks", FixtureFiles.Read("stacks.page1.json"));
/// await using var host = PluginTestHost.Create(b => b.AddHeat(), client: client);
/// var poller = host.Poller(HeatEntityTypes.Stack);
/// </code>
/// </example>
public sealed class PluginTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PluginTestHost(ServiceProvider provider) => _provider = provider;

    /// <summary>Gets the services, to resolve options or anything else the plugin registered.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Builds the provider.</summary>
    /// <param name="register">Registers the plugin, for example <c>b =&gt; b.AddHeat()</c>.</param>
    /// <param name="settings">Configuration keys as <c>section:key</c>, for example <c>heat:page_size</c>; <c>service_credentials:*</c> reach the OpenStack client.</param>
    /// <param name="client">A client to use instead of the real one, usually a <see cref="FixtureOpenStackClient"/>; <see langword="null"/> keeps the real, Keystone-authenticated client.</param>
    /// <returns>The host; dispose it after the test.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="register"/> is null.</exception>
    public static PluginTestHost Create(Action<ISynchronizerBuilder> register, IDictionary<string, string?>? settings = null, IOpenStackClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (client is not null)
        {
            services.AddSingleton(client);
        }

        services.AddOpenStack(configuration.GetSection(ServiceCredentialsOptions.SectionName));
        register(new Builder(services, configuration));
        return new PluginTestHost(services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Finds the poller of an entity type.</summary>
    /// <param name="entityType">The entity type, for example <c>heat.stack</c>.</param>
    /// <returns>The poller.</returns>
    /// <exception cref="InvalidOperationException">No registered poller, or more than one, provides the type.</exception>
    public IEntityPoller Poller(string entityType) =>
        _provider.GetServices<IEntityPoller>().Single(p => p.Descriptor.Name == entityType);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed record Builder(IServiceCollection Services, IConfiguration Configuration) : ISynchronizerBuilder;
}
