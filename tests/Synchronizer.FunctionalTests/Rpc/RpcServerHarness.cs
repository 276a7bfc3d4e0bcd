using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Messaging;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>
/// The oslo RPC server registered as the service registers it (<c>AddOsloMessaging</c> then
/// <c>AddOsloRpcServer</c>, same configuration keys), with a dispatcher of the test's choosing, on
/// an exchange and topic of its own.
/// </summary>
internal sealed class RpcServerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RpcServerHarness(ServiceProvider provider, string exchange, string topic, string host)
    {
        _provider = provider;
        Exchange = exchange;
        Topic = topic;
        Host = host;
    }

    public string Exchange { get; }

    public string Topic { get; }

    public string Host { get; }

    public OsloRpcServer Server => _provider.GetRequiredService<OsloRpcServer>();

    public IServiceProvider Services => _provider;

    public static Task<RpcServerHarness> StartAsync(
        IRpcDispatcher dispatcher, IDictionary<string, string?>? overrides = null, bool waitUntilListening = true, ILoggerProvider? logs = null) =>
        StartAsync(_ => dispatcher, overrides, waitUntilListening, logs);

    /// <summary>Starts the server with a dispatcher built from the same services (it may publish notifications with the service's publisher).</summary>
    public static async Task<RpcServerHarness> StartAsync(
        Func<IServiceProvider, IRpcDispatcher> dispatcher, IDictionary<string, string?>? overrides = null, bool waitUntilListening = true, ILoggerProvider? logs = null)
    {
        var exchange = overrides?.TryGetValue("DEFAULT:control_exchange", out var chosen) == true ? chosen! : TestBroker.UniqueExchange();
        var topic = $"rpc-test-{Guid.NewGuid():N}"[..20];
        var settings = new Dictionary<string, string?>
        {
            ["DEFAULT:transport_url"] = TestBroker.TransportUrl,
            ["DEFAULT:control_exchange"] = exchange,
            ["DEFAULT:host"] = "rpc-host-1",
            ["DEFAULT:rpc_topic"] = topic,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            if (logs is not null)
            {
                b.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
            }
        });
        services.AddSingleton<IRpcDispatcher>(dispatcher);
        services.AddOsloMessaging(configuration.GetSection(MessagingOptions.SectionName));
        services.AddOsloRpcServer(configuration.GetSection(RpcServerOptions.SectionName));
        var harness = new RpcServerHarness(services.BuildServiceProvider(validateScopes: true), exchange, topic, settings["DEFAULT:host"]!);
        await harness.Server.StartAsync(CancellationToken.None);
        if (waitUntilListening)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await harness.Server.WaitUntilListeningAsync(timeout.Token);
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Server.StopAsync(timeout.Token);
        await _provider.DisposeAsync();
    }
}
