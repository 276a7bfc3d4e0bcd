using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Synchronizer.Benchmarks.Harness;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.Publishing;
using Synchronizer.Messaging;
using Synchronizer.Messaging.Oslo;

namespace Synchronizer.Benchmarks.Publishing;

/// <summary>Our oslo notification publisher (ordered, confirmed) against a bare RabbitMQ.Client confirming publisher.</summary>
internal sealed class PublishBenchmark : IBenchmark
{
    public string Name => "publish";

    public string Description => "change notifications built and published with confirms, in order, vs a bare RabbitMQ.Client publisher without confirms (needs a broker)";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TransportUrl is null)
        {
            context.Report(Name, "skipped: SYNCHRONIZER_TEST_TRANSPORT_URL not set", 0, "-");
            return;
        }

        var count = context.Quick ? 5_000 : 20_000;
        var exchange = $"bench-{Guid.NewGuid():N}"[..20];
        var changes = Changes(count);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DEFAULT:transport_url"] = context.TransportUrl,
            ["DEFAULT:control_exchange"] = exchange,
            ["DEFAULT:host"] = "bench",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOsloMessaging(configuration.GetSection("DEFAULT"));
        await using var provider = services.BuildServiceProvider();
        var publisher = provider.GetRequiredService<IChangePublisher>();
        var bodies = changes.Select(c => ChangeNotificationWriter.WriteBody(c, "synchronizer.bench", DateTimeOffset.UtcNow)).ToArray();

        await using var bare = await BarePublisher.ConnectAsync(context.TransportUrl, exchange, cancellationToken);
        await bare.PublishAsync(bodies.Take(500), cancellationToken);
        await publisher.PublishAsync(changes[..500], cancellationToken);
        var baseline = await BenchmarkContext.MedianMillisecondsAsync(3, () => bare.PublishAsync(bodies, cancellationToken));
        var ours = await BenchmarkContext.MedianMillisecondsAsync(3, () => PublishInBatchesAsync(publisher, changes, cancellationToken));
        await bare.DeleteQueueAsync(cancellationToken);

        context.Report(Name, $"bare RabbitMQ.Client, {count} msgs, no confirms", count / (baseline / 1000), "msg/s");
        context.Report(Name, $"oslo publisher, {count} ordered confirmed msgs", count / (ours / 1000), "msg/s", count / (baseline / 1000));
    }

    // The engine hands the publisher batches of 1000 (TypeSynchronizer.PublishBatchSize).
    private static async Task PublishInBatchesAsync(IChangePublisher publisher, EntityChange[] changes, CancellationToken cancellationToken)
    {
        for (var i = 0; i < changes.Length; i += 1000)
        {
            await publisher.PublishAsync(changes[i..Math.Min(changes.Length, i + 1000)], cancellationToken);
        }
    }

    private static EntityChange[] Changes(int count)
    {
        var padding = new string('x', 1800);
        return Enumerable.Range(1, count).Select(i =>
        {
            var json = Encoding.UTF8.GetBytes($$"""{"id":"server-{{i:D8}}","name":"vm-{{i}}","padding":"{{padding}}","status":"ACTIVE"}""");
            return new EntityChange("nova.instance", $"server-{i:D8}", ChangeAction.Create, i, ContentHash.Of(json), json, [], ChangeSource.Poll, DateTimeOffset.UtcNow);
        }).ToArray();
    }
}
