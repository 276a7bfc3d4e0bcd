using RabbitMQ.Client;

namespace Synchronizer.Benchmarks.PushPath;

/// <summary>Removes the queues a benchmark left on the broker (the push path's are not auto-delete).</summary>
internal static class BenchQueues
{
    public static async Task DeleteAsync(string transportUrl, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(transportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
        }
    }
}
