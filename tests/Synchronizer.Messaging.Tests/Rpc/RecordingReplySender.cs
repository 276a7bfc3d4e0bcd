using System.Text.Json;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Tests.Rpc;

/// <summary>Records the replies the handler sends, decoded, and lets a test wait for them.</summary>
internal sealed class RecordingReplySender : IRpcReplySender, IDisposable
{
    private readonly List<SentReply> _sent = [];
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Gets or sets what a keep-alive send throws, if anything.</summary>
    public Exception? KeepAliveFailure { get; set; }

    public IReadOnlyList<SentReply> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task SendAsync(string replyQueue, ReadOnlyMemory<byte> body, bool retry, CancellationToken cancellationToken)
    {
        if (!retry && KeepAliveFailure is { } failure)
        {
            return Task.FromException(failure);
        }

        using var inner = JsonDocument.Parse(OsloEnvelope.Unwrap(body.Span));
        lock (_sent)
        {
            _sent.Add(new SentReply(replyQueue, retry, inner.RootElement.Clone()));
        }

        _arrived.Release();
        return Task.CompletedTask;
    }

    public void Dispose() => _arrived.Dispose();

    public async Task<IReadOnlyList<SentReply>> WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Sent.Count < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }

        return Sent;
    }

    internal sealed record SentReply(string ReplyQueue, bool Retried, JsonElement Message)
    {
        public bool Ending => Message.GetProperty("ending").GetBoolean();

        public JsonElement Result => Message.GetProperty("result");

        public JsonElement? Failure => Message.GetProperty("failure").ValueKind == JsonValueKind.Null
            ? null
            : JsonDocument.Parse(Message.GetProperty("failure").GetString()!).RootElement.Clone();
    }
}
