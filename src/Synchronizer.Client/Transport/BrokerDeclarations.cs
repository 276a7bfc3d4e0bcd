using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Synchronizer.Client.Transport;

/// <summary>Declares what the client needs exactly as oslo.messaging and the synchronizer declare it, and explains a mismatch.</summary>
internal static class BrokerDeclarations
{
    /// <summary>Declares the control exchange: topic, durable as <c>amqp_durable_queues</c>, not auto-delete.</summary>
    /// <exception cref="InvalidOperationException">The exchange exists with other flags.</exception>
    public static async Task ControlExchangeAsync(IChannel channel, string exchange, bool durable, CancellationToken cancellationToken)
    {
        try
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable, autoDelete: false, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 406)
        {
            throw new InvalidOperationException(
                $"The broker has exchange '{exchange}' with other flags than durable={durable}: set {nameof(SynchronizerClientOptions)}.{nameof(SynchronizerClientOptions.AmqpDurableQueues)} " +
                $"as the synchronizer's amqp_durable_queues. Broker said: {ex.ShutdownReason.ReplyText}", ex);
        }
    }
}
