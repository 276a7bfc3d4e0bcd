using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Oslo;

/// <summary>
/// The failure of an oslo RPC reply: <c>oslo_messaging/_drivers/common.py</c> <c>serialize_remote_exception</c>
/// writes it as a JSON string with <c>class</c>, <c>module</c>, <c>message</c>, <c>tb</c>, <c>args</c> and
/// <c>kwargs</c>. An oslo client rebuilds only exceptions of modules it allows, so ours come back as
/// <c>RemoteError</c> with <c>exc_type</c> = <see cref="ClassName"/> and <c>value</c> = <see cref="Message"/>.
/// </summary>
/// <param name="ClassName">The exception class, for example <c>RevisionGone</c>.</param>
/// <param name="Module">The Python module the class claims to come from.</param>
/// <param name="Message">The message; <c>args</c> is <c>[Message]</c>, as for a Python exception raised with one argument.</param>
internal sealed record OsloRpcFailure(string ClassName, string Module, string Message)
{
    /// <summary>The module of the synchronizer's own failure classes.</summary>
    public const string SynchronizerModule = "synchronizer.exceptions";

    /// <summary>The module of oslo's dispatcher errors, so that a client treats ours as it treats oslo's.</summary>
    public const string OsloDispatcherModule = "oslo_messaging.rpc.dispatcher";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates the failure of a contract error.</summary>
    public static OsloRpcFailure Of(RpcErrorException error) => new(error.ClassName, SynchronizerModule, error.Message);

    /// <summary>Creates the failure of an unexpected exception: its type name, never its message (it may hold internals).</summary>
    public static OsloRpcFailure Unexpected(Exception exception, string method) =>
        new(exception.GetType().Name, SynchronizerModule, $"The synchronizer failed to run '{method}'; its log has the details.");

    /// <summary>Creates the failure oslo's dispatcher sends for a version (or namespace) no endpoint serves.</summary>
    public static OsloRpcFailure UnsupportedVersion(string version, string? method) =>
        new(RpcErrorClasses.UnsupportedVersion, OsloDispatcherModule,
            $"Endpoint does not support RPC version {version}" + (string.IsNullOrEmpty(method) ? string.Empty : $". Attempted method: {method}"));

    /// <summary>Creates an <see cref="RpcErrorClasses.InvalidArgument"/> failure of a malformed request.</summary>
    public static OsloRpcFailure InvalidRequest(string message) => new(RpcErrorClasses.InvalidArgument, SynchronizerModule, message);

    /// <summary>Writes the failure JSON (the value of the reply's <c>failure</c> string).</summary>
    /// <returns>The UTF-8 JSON.</returns>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(Message.Length + 128);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("class", ClassName);
            json.WriteString("module", Module);
            json.WriteString("message", Message);

            // No traceback: the server's stack is nobody else's business; oslo clients accept an empty list.
            json.WriteStartArray("tb");
            json.WriteEndArray();
            json.WriteStartArray("args");
            json.WriteStringValue(Message);
            json.WriteEndArray();
            json.WriteStartObject("kwargs");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
