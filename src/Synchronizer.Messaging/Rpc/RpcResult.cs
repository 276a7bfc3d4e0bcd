using System.Text.Json;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// What a method returns: the <c>result</c> of the oslo reply. Either a ready JSON value or a callback
/// that writes it, so a large result (a <c>get_all</c> page) goes to the wire without an intermediate document.
/// </summary>
public sealed class RpcResult
{
    private readonly Action<Utf8JsonWriter> _write;

    private RpcResult(Action<Utf8JsonWriter> write) => _write = write;

    /// <summary>Gets the result <c>null</c> (Python's <c>None</c>).</summary>
    public static RpcResult Null { get; } = new(static json => json.WriteNullValue());

    /// <summary>Creates a result from a JSON value.</summary>
    /// <param name="value">The value; it is copied, so the caller may dispose its document.</param>
    /// <returns>The result.</returns>
    public static RpcResult FromJson(JsonElement value)
    {
        var copy = value.Clone();
        return new RpcResult(json => copy.WriteTo(json));
    }

    /// <summary>Creates a result written by <paramref name="write"/> when the reply is sent.</summary>
    /// <param name="write">Writes exactly one JSON value; it may run on another thread, once.</param>
    /// <returns>The result.</returns>
    public static RpcResult FromWriter(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new RpcResult(write);
    }

    /// <summary>Writes the result value.</summary>
    /// <param name="json">The writer, positioned where a value goes.</param>
    public void WriteTo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _write(json);
    }
}
