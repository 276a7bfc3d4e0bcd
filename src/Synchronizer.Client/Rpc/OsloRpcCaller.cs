using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Rpc;

/// <summary>
/// An oslo RPC client (<c>amqpdriver.py</c> <c>_send</c>, <c>ReplyWaiter</c>): one reply queue
/// <c>reply_&lt;uuid&gt;</c> per client (not durable, not auto-delete, <c>x-expires</c> 30 min, as oslo),
/// requests on the control exchange with <c>_msg_id</c>, <c>_reply_q</c> and <c>_timeout</c>, replies
/// matched by <c>_msg_id</c>. Requests are published with <c>mandatory</c> and confirms, so a topic no
/// server ever declared fails at once instead of timing out.
/// </summary>
internal sealed class OsloRpcCaller : IRpcCaller, IAsyncDisposable
{
    private const int TransientQueueExpiresMs = 1800 * 1000;

    private readonly IChannel _consumer;
    private readonly IChannel _publisher;
    private readonly RpcCallerSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _replyQueue;
    private readonly ConcurrentDictionary<string, PendingCall> _pending = new(StringComparer.Ordinal);

    private OsloRpcCaller(IChannel consumer, IChannel publisher, RpcCallerSettings settings, string replyQueue, TimeProvider time, ILogger logger)
    {
        _consumer = consumer;
        _publisher = publisher;
        _settings = settings;
        _replyQueue = replyQueue;
        _time = time;
        _logger = logger;
    }

    public static async Task<OsloRpcCaller> StartAsync(IConnection connection, RpcCallerSettings settings, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var consumer = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var replyQueue = $"reply_{Guid.NewGuid():N}";
        var caller = new OsloRpcCaller(consumer, publisher, settings, replyQueue, time, logger);
        try
        {
            await BrokerDeclarations.ControlExchangeAsync(publisher, settings.Exchange, settings.Durable, cancellationToken);
            var expires = new Dictionary<string, object?> { ["x-expires"] = TransientQueueExpiresMs };
            await consumer.QueueDeclareAsync(replyQueue, durable: false, exclusive: false, autoDelete: false, expires, cancellationToken: cancellationToken);
            var replies = new AsyncEventingBasicConsumer(consumer);
            replies.ReceivedAsync += (_, delivery) =>
            {
                caller.OnReply(delivery.Body);
                return Task.CompletedTask;
            };
            await consumer.BasicConsumeAsync(replyQueue, autoAck: true, replies, cancellationToken);
        }
        catch
        {
            await caller.DisposeAsync();
            throw;
        }

        return caller;
    }

    public async Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter> writeArguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(writeArguments);
        var messageId = Guid.NewGuid().ToString("N");
        var pending = new PendingCall(_time.GetUtcNow());
        _pending[messageId] = pending;
        try
        {
            var body = OsloRpcRequest.Write(method, writeArguments, messageId, _replyQueue, _settings.CallMonitorTimeout, Guid.NewGuid());
            var properties = new BasicProperties
            {
                ContentType = OsloWire.ContentType,
                ContentEncoding = OsloWire.ContentEncoding,
                DeliveryMode = DeliveryModes.Persistent,
                Priority = 0,

                // As oslo: a request nobody took before the caller gave up is not run later.
                Expiration = ((long)_settings.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            };
            try
            {
                await _publisher.BasicPublishAsync(_settings.Exchange, _settings.Topic, mandatory: true, properties, body, cancellationToken);
            }
            catch (PublishException ex) when (ex.IsReturn)
            {
                throw new SynchronizerRpcException(
                    RpcErrorClasses.MessageUndeliverable,
                    $"No queue takes RPC topic '{_settings.Topic}' in exchange '{_settings.Exchange}': is the synchronizer running with this control_exchange and rpc_topic?");
            }

            return await WaitAsync(method, messageId, pending, cancellationToken);
        }
        finally
        {
            _pending.TryRemove(messageId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in new[] { _consumer, _publisher })
        {
            try
            {
                await channel.DisposeAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                // Gone with the connection.
            }
        }

        foreach (var pending in _pending.Values)
        {
            pending.Final.TrySetException(new ObjectDisposedException(nameof(OsloRpcCaller)));
        }
    }

    private async Task<JsonElement> WaitAsync(string method, string messageId, PendingCall pending, CancellationToken cancellationToken)
    {
        var deadline = pending.Started + _settings.Timeout;
        while (true)
        {
            var now = _time.GetUtcNow();
            var until = deadline;
            if (_settings.CallMonitorTimeout is { } monitor && pending.LastHeard + monitor < until)
            {
                until = pending.LastHeard + monitor;
            }

            if (until <= now)
            {
                throw new TimeoutException(until == deadline
                    ? $"The synchronizer did not answer {method} (message {messageId}) within {_settings.Timeout.TotalSeconds:0.#} s."
                    : $"The synchronizer stopped sending keep-alives for {method} (message {messageId}).");
            }

            var heard = pending.Heard;
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var first = await Task.WhenAny(pending.Final.Task, heard, Task.Delay(until - now, _time, waiting.Token));
            await waiting.CancelAsync();
            if (first == pending.Final.Task)
            {
                return await pending.Final.Task;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void OnReply(ReadOnlyMemory<byte> body)
    {
        if (OsloRpcReply.Read(body) is not { } reply)
        {
            Log.ReplyUnreadable(_logger, _replyQueue);
            return;
        }

        if (!_pending.TryGetValue(reply.MessageId, out var pending))
        {
            // A reply to a call that already timed out or was cancelled.
            return;
        }

        pending.Receive(reply, _time.GetUtcNow());
    }

    /// <summary>A call waiting for its reply.</summary>
    private sealed class PendingCall
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _heard = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private JsonElement? _earlyResult;

        public PendingCall(DateTimeOffset started)
        {
            Started = started;
            LastHeard = started;
        }

        public DateTimeOffset Started { get; }

        public DateTimeOffset LastHeard { get; private set; }

        public TaskCompletionSource<JsonElement> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Heard
        {
            get
            {
                lock (_gate)
                {
                    return _heard.Task;
                }
            }
        }

        public void Receive(OsloRpcReply reply, DateTimeOffset now)
        {
            TaskCompletionSource heard;
            lock (_gate)
            {
                LastHeard = now;
                heard = _heard;
                _heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (reply.HasResult)
                {
                    // Servers before oslo's single-reply change sent the result first and "ending" after it.
                    _earlyResult = reply.Result;
                }
            }

            if (reply.Failure is not null)
            {
                Final.TrySetException(reply.Failure);
            }
            else if (reply.Ending)
            {
                Final.TrySetResult(reply.HasResult ? reply.Result : _earlyResult ?? reply.Result);
            }

            heard.TrySetResult();
        }
    }
}
