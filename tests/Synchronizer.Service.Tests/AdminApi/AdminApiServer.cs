using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Tests.AdminApi;

/// <summary>
/// The admin API over real HTTP on 127.0.0.1 with a port the system picks, wired by
/// <c>AddAdminApi</c> over a real engine whose pollers the test supplies.
/// </summary>
internal sealed class AdminApiServer : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private AdminApiServer(ServiceProvider provider, AdminApiHostedService hosted, HttpClient client)
    {
        _provider = provider;
        Hosted = hosted;
        Client = client;
    }

    public AdminApiHostedService Hosted { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _provider;

    public SynchronizationEngine Engine => _provider.GetRequiredService<SynchronizationEngine>();

    /// <summary>Wires the API; <see cref="StartAsync"/> (or <see cref="Hosted"/>) starts it.</summary>
    public static ServiceProvider Build(IEnumerable<IEntityPoller> pollers, IBusConnectionProbe bus, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["admin_api:bind"] = "127.0.0.1:0" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        foreach (var poller in pollers)
        {
            services.AddSingleton(poller);
        }

        services.AddSingleton<IChangeStore, InMemoryChangeStore>();
        services.AddSingleton(Substitute.For<IChangePublisher>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SynchronizationEngine>();
        services.AddSingleton(bus);
        services.AddAdminApi(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static async Task<AdminApiServer> StartAsync(IEnumerable<IEntityPoller> pollers, IBusConnectionProbe bus, IDictionary<string, string?>? settings = null)
    {
        var provider = Build(pollers, bus, settings);
        var hosted = provider.GetRequiredService<AdminApiHostedService>();
        await hosted.StartAsync(CancellationToken.None);
        return new AdminApiServer(provider, hosted, new HttpClient { BaseAddress = hosted.Address, Timeout = TimeSpan.FromSeconds(30) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Hosted.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
