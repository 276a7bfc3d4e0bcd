using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Rpc;

/// <summary>
/// Sends hand-written request bodies to the RPC server and collects what comes back on its own reply
/// queue (declared as oslo's client declares <c>reply_&lt;uuid&gt;</c>), so a test controls every byte.
/// </summary>
internal sealed class RawRpcCaller : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _exchange;
    private readonly List<JsonElement> _replies = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RawRpcCaller(IConnection connection, IChannel channel, string exchange, string replyQueue)
    {
        _connection = connection;
        _channel = channel;
        _exchange = exchange;
        ReplyQueue = replyQueue;
    }

    public string ReplyQueue { get; }

    public static async Task<RawRpcCaller> StartAsync(string exchange)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var replyQueue = $"reply_{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(replyQueue, durable: false, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-expires"] = 1_800_000 });
        var caller = new RawRpcCaller(connection, channel, exchange, replyQueue);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            caller.Record(delivery.Body);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(replyQueue, autoAck: true, consumer);
        return caller;
    }

    /// <summary>Publishes a body as is to the control exchange with <paramref name="routingKey"/>.</summary>
    public async Task PublishAsync(string routingKey, byte[] body) =>
        await _channel.BasicPublishAsync(_exchange, routingKey, mandatory: false, new BasicProperties { ContentType = "application/json" }, body);

    /// <summary>Publishes an oslo call (2.0 envelope) of <paramref name="method"/> and returns its message id.</summary>
    public async Task<string> CallAsync(string routingKey, string method, object? args = null, int? timeout = null, string? replyQueue = null)
    {
        var messageId = Guid.NewGuid().ToString("N");
        var inner = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["method"] = method,
            ["args"] = args ?? new { },
            ["version"] = "1.0",
            ["_msg_id"] = messageId,
            ["_reply_q"] = replyQueue ?? ReplyQueue,
            ["_timeout"] = timeout,
            ["_unique_id"] = Guid.NewGuid().ToString("N"),
        });
        await PublishAsync(routingKey, Envelope(inner));
        return messageId;
    }

    /// <summary>Waits for the final reply (<c>ending: true</c>) of <paramref name="messageId"/>.</summary>
    public async Task<JsonElement> ReplyToAsync(string messageId, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_replies)
            {
                foreach (var reply in _replies)
                {
                    if (reply.GetProperty("_msg_id").GetString() == messageId && reply.GetProperty("ending").GetBoolean())
                    {
                        return reply;
                    }
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No reply to {messageId} within {timeout.TotalSeconds} s.");
            }
        }
    }

    public IReadOnlyList<JsonElement> RepliesTo(string messageId)
    {
        lock (_replies)
        {
            return _replies.Where(r => r.GetProperty("_msg_id").GetString() == messageId).ToArray();
        }
    }

    public static byte[] Envelope(string innerMessage) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["oslo.version"] = "2.0", ["oslo.message"] = innerMessage });

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.QueueDeleteAsync(ReplyQueue);
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // After a broker restart the broker may already have closed this channel (a publish to an
            // exchange not yet re-declared); the reply queue expires by itself (x-expires).
        }

        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private void Record(ReadOnlyMemory<byte> body)
    {
        using var envelope = JsonDocument.Parse(body);
        var inner = envelope.RootElement.GetProperty("oslo.message").GetString()!;
        var message = JsonDocument.Parse(Encoding.UTF8.GetBytes(inner)).RootElement.Clone();
        TaskCompletionSource arrived;
        lock (_replies)
        {
            _replies.Add(message);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
    }
}
