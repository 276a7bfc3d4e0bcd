using System.Text;
using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Transport;

namespace Synchronizer.Client.Replication;

/// <summary>Reads a change notification (CONTRACT §3): the oslo message's <c>payload</c>.</summary>
internal static class NotificationReader
{
    /// <exception cref="InvalidDataException">The body is not a change notification.</exception>
    public static EntityChange Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var inner = OsloWire.Unwrap(body);
            return inner.RootElement.ValueKind == JsonValueKind.Object && inner.RootElement.TryGetProperty("payload", out var payload)
                ? RpcResultReader.Change(payload, "notification")
                : throw new InvalidDataException("The message has no 'payload'.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or DecoderFallbackException)
        {
            throw new InvalidDataException($"The message is not an oslo notification: {ex.Message}", ex);
        }
    }
}
