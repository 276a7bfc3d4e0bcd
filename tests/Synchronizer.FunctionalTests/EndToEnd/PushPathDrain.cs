using RabbitMQ.Client;
using Synchronizer.Messaging.Listening;
using Synchronizer.Service.PushPath;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>
/// Waits until every OpenStack notification the simulator queued has gone through the push path:
/// the simulator has published them all, the push path's queues hold none, and each one delivered
/// has been handled (or failed, or set aside).
/// </summary>
internal static class PushPathDrain
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>The push path's own queues under <paramref name="pool"/> with the default sources.</summary>
    public static IReadOnlyList<string> DefaultQueues(string pool) =>
        [.. PushPathHostedService.ReadSources(new OpenStackNotificationsOptions()).Select(s => s.QueueName(pool))];

    public static async Task WaitAsync(SimulatorServer simulator, PushPathHostedService pushPath, IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        await using var connection = await BrokerQueues.Factory().CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);

        // Two quiet looks in a row: a message the simulator just wrote to its socket may not be queued yet.
        var quietLooks = 0;
        while (quietLooks < 2)
        {
            await Task.Delay(PollEvery, cancellationToken);
            quietLooks = await IsQuietAsync(simulator, pushPath, channel, queues, cancellationToken) ? quietLooks + 1 : 0;
        }
    }

    private static async Task<bool> IsQuietAsync(SimulatorServer simulator, PushPathHostedService pushPath, IChannel channel, IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        if (await GroundTruth.PendingNotificationsAsync(simulator, cancellationToken) > 0)
        {
            return false;
        }

        foreach (var queue in queues)
        {
            if ((await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount > 0)
            {
                return false;
            }
        }

        var statistics = pushPath.Statistics ?? throw new InvalidOperationException("The push path is not running.");
        return statistics.Received == statistics.Handled + statistics.Failed + statistics.DeadLettered;
    }
}
