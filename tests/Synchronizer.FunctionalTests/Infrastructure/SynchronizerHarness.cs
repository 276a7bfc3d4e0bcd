using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Nova;
using Synchronizer.Service.Hosting;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.Infrastructure;

/// <summary>
/// The synchronizer wired exactly as <c>synchronizer serve</c> wires it (same registrations, same
/// configuration keys), minus the scheduler, so a test decides when a poll runs.
/// </summary>
internal sealed class SynchronizerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SynchronizerHarness(ServiceProvider provider, string exchange)
    {
        _provider = provider;
        Exchange = exchange;
    }

    public string Exchange { get; }

    public SynchronizationEngine Engine => _provider.GetRequiredService<SynchronizationEngine>();

    public TypeSynchronizer Instances => Engine.TryGet(NovaEntityTypes.Instance, out var type) ? type : throw new InvalidOperationException("nova.instance is not registered.");

    public static SynchronizerHarness Create(SimulatorServer simulator, IDictionary<string, string?>? overrides = null)
    {
        var exchange = TestBroker.UniqueExchange();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(simulator, exchange, overrides)).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSynchronizer(configuration).AddNova();
        return new SynchronizerHarness(services.BuildServiceProvider(validateScopes: true), exchange);
    }

    public static Dictionary<string, string?> Settings(SimulatorServer simulator, string exchange, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DEFAULT:transport_url"] = TestBroker.TransportUrl,
            ["DEFAULT:control_exchange"] = exchange,
            ["DEFAULT:host"] = "functional-test",
            ["service_credentials:auth_url"] = simulator.IdentityUrl.ToString(),
            ["service_credentials:username"] = "admin",
            ["service_credentials:password"] = "secret",
            ["service_credentials:project_name"] = "admin",
            ["service_credentials:request_timeout"] = "10",
            ["service_credentials:retry_base_delay"] = "0.05",

            // Several services run side by side in one test run: each admin API takes a free port.
            ["admin_api:bind"] = "127.0.0.1:0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public Task<PollOutcome> PollInstancesAsync() => Instances.PollAsync(ChangeSource.Poll, CancellationToken.None);

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
