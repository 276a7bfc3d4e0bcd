using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Synchronizer.Benchmarks.Harness;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Benchmarks.Polling;

/// <summary>A full nova.instance poll (list, canonicalize, hash, detect, record) against a bare fetch of the same pages.</summary>
internal sealed class PollBenchmark : IBenchmark
{
    public string Name => "poll";

    public string Description => "nova.instance poll through the simulator vs a bare HttpClient fetch of the same pages";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var servers = context.Quick ? 5_000 : 50_000;
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = servers, RandomSeed = 7 }, cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["service_credentials:auth_url"] = simulator.IdentityUrl.ToString(),
            ["service_credentials:username"] = "admin",
            ["service_credentials:password"] = "secret",
            ["service_credentials:project_name"] = "admin",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IChangePublisher, NullPublisher>();
        services.AddSynchronizer(configuration).AddNova();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<SynchronizationEngine>();
        engine.TryGet("nova.instance", out var instances);
        using var bare = new BareNovaLister(simulator.IdentityUrl);

        // Warm both paths (JIT, token, connection pool) before measuring.
        await bare.ListAsync(cancellationToken);
        var baseline = await BenchmarkContext.MedianMillisecondsAsync(5, () => bare.ListAsync(cancellationToken));
        var first = await BenchmarkContext.MedianMillisecondsAsync(1, () => instances!.PollAsync(ChangeSource.Poll, cancellationToken));
        var steady = await BenchmarkContext.MedianMillisecondsAsync(5, () => instances!.PollAsync(ChangeSource.Poll, cancellationToken));

        context.Report(Name, $"bare fetch of {servers} servers", baseline, "ms");
        context.Report(Name, $"first poll, {servers} creates recorded", first, "ms", baseline);
        context.Report(Name, $"steady poll, nothing changed", steady, "ms", baseline);
        context.Report(Name, "steady poll throughput", servers / (steady / 1000), "servers/s", servers / (baseline / 1000));
    }
}
