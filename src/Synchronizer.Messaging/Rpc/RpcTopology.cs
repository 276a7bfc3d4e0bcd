namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// The exchanges and queues of an oslo RPC server, named and flagged as oslo.messaging 14's rabbit
/// driver declares them (<c>impl_rabbit.py</c> <c>declare_topic_consumer</c>, <c>declare_fanout_consumer</c>;
/// checked against the real library with <c>rabbitmqctl list_queues/list_exchanges</c>):
/// <list type="bullet">
/// <item>the control exchange: topic, durable = <c>amqp_durable_queues</c>, not auto-delete;</item>
/// <item>queue <c>&lt;topic&gt;</c> (shared by every server) and <c>&lt;topic&gt;.&lt;host&gt;</c>, each bound to the control exchange with its own name: durable = <c>amqp_durable_queues</c>, not exclusive, not auto-delete, no arguments;</item>
/// <item>exchange <c>&lt;topic&gt;_fanout</c> (fanout, not durable, auto-delete; not the control exchange) with this server's own queue <c>&lt;topic&gt;_fanout_&lt;32 hex&gt;</c>: not durable, not exclusive, not auto-delete, <c>x-expires</c> 1800000 ms (<c>rabbit_transient_queues_ttl</c>), bound with routing key <c>&lt;topic&gt;</c>.</item>
/// </list>
/// </summary>
/// <param name="Exchange">The control exchange.</param>
/// <param name="Durable">Whether the control exchange and the topic queues are durable.</param>
/// <param name="Topic">The RPC topic, also the shared queue's name.</param>
/// <param name="ServerQueue">The queue of this server, <c>&lt;topic&gt;.&lt;host&gt;</c>.</param>
/// <param name="FanoutExchange">The fanout exchange, <c>&lt;topic&gt;_fanout</c>.</param>
/// <param name="FanoutQueue">This server's fanout queue, unique per start.</param>
internal sealed record RpcTopology(string Exchange, bool Durable, string Topic, string ServerQueue, string FanoutExchange, string FanoutQueue)
{
    /// <summary>oslo's <c>rabbit_transient_queues_ttl</c> default (1800 s), as the fanout queue's <c>x-expires</c>.</summary>
    public const int TransientQueueExpiresMs = 1800 * 1000;

    public static RpcTopology For(MessagingOptions messaging, RpcServerOptions rpc) => new(
        messaging.ControlExchange,
        messaging.AmqpDurableQueues,
        rpc.Topic,
        $"{rpc.Topic}.{messaging.Host}",
        $"{rpc.Topic}_fanout",
        $"{rpc.Topic}_fanout_{Guid.NewGuid():N}");
}
