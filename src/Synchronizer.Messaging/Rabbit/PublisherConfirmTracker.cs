using RabbitMQ.Client;

namespace Synchronizer.Messaging.Rabbit;

/// <summary>
/// Tracks the broker's publisher confirms of one channel by delivery tag.
/// </summary>
/// <remarks>
/// RabbitMQ.Client 7 can await each confirm inside <c>BasicPublishAsync</c>, but then publishes that
/// overlap may reach the socket out of order, and one awaited at a time costs a round trip per
/// message. Publishing one after another with tracking off and collecting the acks here keeps the
/// order and keeps many messages in flight.
/// </remarks>
internal sealed class PublisherConfirmTracker
{
    private readonly SortedSet<ulong> _outstanding = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource? _drained;
    private string? _failure;

    public PublisherConfirmTracker(IChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        channel.BasicAcksAsync += (_, ack) => Settle(ack.DeliveryTag, ack.Multiple, null);
        channel.BasicNacksAsync += (_, nack) => Settle(nack.DeliveryTag, nack.Multiple, $"the broker refused message {nack.DeliveryTag} (nack)");
        channel.ChannelShutdownAsync += (_, shutdown) => Fail($"the channel closed before every message was confirmed: {shutdown.ReplyText}");
    }

    /// <summary>Records a message about to be published with <paramref name="deliveryTag"/>.</summary>
    public void Expect(ulong deliveryTag)
    {
        lock (_lock)
        {
            _outstanding.Add(deliveryTag);
        }
    }

    /// <summary>Waits until every expected message is confirmed.</summary>
    /// <exception cref="MessagingException">A message was nacked, the channel closed, or the confirms did not come in time.</exception>
    public async Task WaitForAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task drained;
        lock (_lock)
        {
            ThrowIfFailed();
            if (_outstanding.Count == 0)
            {
                return;
            }

            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new MessagingException($"The broker did not confirm {_outstanding.Count} messages within {timeout.TotalSeconds:0} s.");
        }

        lock (_lock)
        {
            ThrowIfFailed();
        }
    }

    private Task Settle(ulong deliveryTag, bool multiple, string? failure)
    {
        lock (_lock)
        {
            if (multiple)
            {
                _outstanding.RemoveWhere(tag => tag <= deliveryTag);
            }
            else
            {
                _outstanding.Remove(deliveryTag);
            }

            _failure ??= failure;
            if (_outstanding.Count == 0 || _failure is not null)
            {
                _drained?.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    private Task Fail(string reason)
    {
        lock (_lock)
        {
            _failure ??= reason;
            _drained?.TrySetResult();
        }

        return Task.CompletedTask;
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new MessagingException($"Publishing failed: {_failure}.");
        }
    }
}
