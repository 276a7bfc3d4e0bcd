using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Synchronizer.Service.Commands.Client;

/// <summary>Writes JSON as one line (JSON lines): no indentation, non-ASCII text as is.</summary>
internal static class JsonLines
{
    // Relaxed: names with accents stay readable; the output is a file or a pipe, never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The JSON <paramref name="write"/> writes, as one line without its line end.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A JSON value rewritten on one line, whatever whitespace it was received with.</summary>
    public static string Write(JsonElement value) => Write(value.WriteTo);

    /// <summary>Writes <paramref name="value"/>, or JSON null when there is none (the contract's optional fields are present as null).</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <inheritdoc cref="WriteStringOrNull"/>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
