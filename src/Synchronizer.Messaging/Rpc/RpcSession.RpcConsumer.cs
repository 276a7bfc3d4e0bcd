using RabbitMQ.Client;

namespace Synchronizer.Messaging.Rpc;

internal sealed partial class RpcSession
{
    /// <summary>Consumes one of the session's queues.</summary>
    private sealed class RpcConsumer : AsyncDefaultBasicConsumer
    {
        private readonly RpcSession _session;
        private readonly string _queue;

        public RpcConsumer(RpcSession session, string queue)
            : base(session._channel)
        {
            _session = session;
            _queue = queue;
        }

        public override Task HandleBasicDeliverAsync(
            string consumerTag,
            ulong deliveryTag,
            bool redelivered,
            string exchange,
            string routingKey,
            IReadOnlyBasicProperties properties,
            ReadOnlyMemory<byte> body,
            CancellationToken cancellationToken = default) =>
            _session.OnDeliveryAsync(deliveryTag, body, cancellationToken);

        public override async Task HandleBasicCancelAsync(string consumerTag, CancellationToken cancellationToken = default)
        {
            // The broker cancels a consumer whose queue was deleted; the client library does not resubscribe it.
            await base.HandleBasicCancelAsync(consumerTag, cancellationToken);
            _session.MarkLost($"the broker cancelled the consumer of queue '{_queue}' (was it deleted?)");
        }
    }
}
