using System.Globalization;
using System.Text;
using System.Text.Json;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Oslo;

/// <summary>
/// Reads an oslo RPC request (<c>oslo_messaging/_drivers/amqpdriver.py</c> <c>_send</c>, <c>amqp.py</c>
/// <c>pack_context</c>): <c>{"method", "args", "version", "namespace"?, "_msg_id"?, "_reply_q"?,
/// "_timeout"?, "_unique_id", "_context_*"...}</c> in the 2.0 envelope (or bare, as 1.0 senders did).
/// Nothing a sender writes makes it throw.
/// </summary>
internal static class OsloRpcRequestReader
{
    private const string ContextPrefix = "_context_";
    private const int MaxQueueNameBytes = 255;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static OsloRpcIncoming Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(OsloEnvelope.Unwrap(body), DocumentOptions);
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException or ArgumentException or InvalidOperationException)
        {
            return OsloRpcIncoming.Dropped($"the body is not an oslo message: {ex.Message}");
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                return OsloRpcIncoming.Dropped($"the message is {message.ValueKind.ToString().ToLowerInvariant()}, not a JSON object");
            }

            return Read(message);
        }
    }

    private static OsloRpcIncoming Read(JsonElement message)
    {
        var method = message.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (!TryReadReplyCoordinates(message, out var messageId, out var replyQueue, out var problem))
        {
            return OsloRpcIncoming.Dropped(problem, method);
        }

        OsloRpcIncoming Fail(OsloRpcFailure failure) => new(null, failure, messageId, replyQueue, method, null);

        var version = "1.0";
        if (message.TryGetProperty("version", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.String)
            {
                return Fail(OsloRpcFailure.InvalidRequest("The request's 'version' must be a string such as \"1.0\"."));
            }

            version = v.GetString()!;
        }

        if (method is not { Length: > 0 })
        {
            return Fail(OsloRpcFailure.InvalidRequest("The request has no 'method' string."));
        }

        // oslo's dispatcher answers UnsupportedVersion both for a version and for a namespace no endpoint serves.
        var hasNamespace = message.TryGetProperty("namespace", out var ns) && ns.ValueKind != JsonValueKind.Null;
        if (!IsServedVersion(version) || hasNamespace)
        {
            return Fail(OsloRpcFailure.UnsupportedVersion(version, method));
        }

        var arguments = message.TryGetProperty("args", out var a) && a.ValueKind != JsonValueKind.Null ? a : default;
        if (arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined))
        {
            return Fail(OsloRpcFailure.InvalidRequest($"{method}: the request's 'args' must be a JSON object of keyword arguments."));
        }

        var request = new RpcRequest(
            method,
            arguments.ValueKind == JsonValueKind.Object ? arguments.Clone() : EmptyObject(),
            version,
            ReadContext(message),
            messageId,
            replyQueue,
            ReadTimeout(message));
        return new OsloRpcIncoming(request, null, messageId, replyQueue, method, null);
    }

    /// <summary>Tells whether a version is served: any <c>1.x</c> (CONTRACT §4), numbers only, as oslo's version parser reads them.</summary>
    public static bool IsServedVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length <= 3
            && parts[0] == "1"
            && parts.All(p => p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit));
    }

    private static bool TryReadReplyCoordinates(JsonElement message, out string? messageId, out string? replyQueue, out string problem)
    {
        messageId = replyQueue = null;
        problem = string.Empty;
        if (!TryReadOptionalString(message, "_msg_id", out messageId) || !TryReadOptionalString(message, "_reply_q", out replyQueue))
        {
            problem = "its '_msg_id' or '_reply_q' is not a string, so no reply can be addressed";
            return false;
        }

        if (replyQueue is not null && (replyQueue.Length == 0 || Encoding.UTF8.GetByteCount(replyQueue) > MaxQueueNameBytes))
        {
            problem = "its '_reply_q' is not a valid AMQP queue name (1 to 255 bytes)";
            return false;
        }

        // As oslo's reply(): without a message id nobody waits for an answer, so the request is a cast.
        if (messageId is null || replyQueue is null)
        {
            messageId = replyQueue = null;
        }

        return true;
    }

    private static bool TryReadOptionalString(JsonElement message, string name, out string? value)
    {
        value = null;
        if (!message.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static int? ReadTimeout(JsonElement message)
    {
        // oslo's server does int(_timeout): a number (truncated) or a numeric string; anything else means none.
        if (!message.TryGetProperty("_timeout", out var timeout))
        {
            return null;
        }

        return timeout.ValueKind switch
        {
            JsonValueKind.Number when timeout.TryGetDouble(out var seconds) && seconds is >= 1 and <= int.MaxValue => (int)seconds,
            JsonValueKind.String when int.TryParse(timeout.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 => seconds,
            _ => null,
        };
    }

    private static Dictionary<string, JsonElement> ReadContext(JsonElement message)
    {
        var context = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in message.EnumerateObject())
        {
            if (property.Name.StartsWith(ContextPrefix, StringComparison.Ordinal))
            {
                context[property.Name[ContextPrefix.Length..]] = property.Value.Clone();
            }
        }

        return context;
    }

    private static JsonElement EmptyObject()
    {
        using var empty = JsonDocument.Parse("{}"u8.ToArray());
        return empty.RootElement.Clone();
    }
}
