using RabbitMQ.Client;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>The test broker's queues that outlive a test (the push path's and pools' are not auto-delete).</summary>
internal static class BrokerQueues
{
    public static ConnectionFactory Factory() => new() { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };

    public static async Task DeleteAsync(IEnumerable<string> queues)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
        }
    }
}
