using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Synchronizer.Core.Canonicalization;

/// <summary>
/// Serializes JSON in the RFC 8785 JSON Canonicalization Scheme (JCS): keys sorted by UTF-16 code
/// units, no whitespace, minimal string escapes and ECMAScript number form. This is the text the
/// contract's entity hash is computed over.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Parses UTF-8 JSON and returns its canonical form.</summary>
    /// <param name="utf8Json">One JSON value, UTF-8 encoded.</param>
    /// <param name="excludedTopLevelKeys">Keys left out of the top-level object, such as an entity's volatile fields; nested keys of the same name are kept.</param>
    /// <returns>The canonical UTF-8 JSON.</returns>
    /// <exception cref="JsonException">
    /// The input is not valid JSON, an object has duplicate keys, a string is not valid Unicode, or a number is too large for a double.
    /// </exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json, IReadOnlySet<string>? excludedTopLevelKeys = null)
    {
        // JsonDocument keeps the memory it parses, so the span is copied into a rented array first.
        byte[] input = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(input);
            using JsonDocument document = JsonDocument.Parse(input.AsMemory(0, utf8Json.Length));
            using var output = new PooledByteBufferWriter(utf8Json.Length);
            Write(document.RootElement, output, excludedTopLevelKeys);
            return output.WrittenSpan.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>Writes the canonical form of a parsed JSON value.</summary>
    /// <param name="element">The value.</param>
    /// <param name="output">Where to write the canonical UTF-8 JSON.</param>
    /// <param name="excludedTopLevelKeys">Keys left out when <paramref name="element"/> is an object; nested keys of the same name are kept.</param>
    /// <exception cref="JsonException">An object has duplicate keys, a string is not valid Unicode, or a number is too large for a double.</exception>
    public static void Write(JsonElement element, IBufferWriter<byte> output, IReadOnlySet<string>? excludedTopLevelKeys = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (element.ValueKind == JsonValueKind.Object)
        {
            WriteObject(element, output, excludedTopLevelKeys);
        }
        else
        {
            WriteValue(element, output);
        }
    }

    private static void WriteValue(JsonElement element, IBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output, excludedKeys: null);
                break;
            case JsonValueKind.Array:
                WriteArray(element, output);
                break;
            case JsonValueKind.String:
                CanonicalStringWriter.WriteRaw(JsonMarshal.GetRawUtf8Value(element)[1..^1], output);
                break;
            case JsonValueKind.Number:
                EcmaScriptNumberFormatter.Write(JsonMarshal.GetRawUtf8Value(element), output);
                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            case JsonValueKind.Null:
                output.Write("null"u8);
                break;
            default:
                throw new ArgumentException("The JSON element holds no value.", nameof(element));
        }
    }

    private static void WriteArray(JsonElement array, IBufferWriter<byte> output)
    {
        output.Write("["u8);
        bool first = true;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (!first)
            {
                output.Write(","u8);
            }

            first = false;
            WriteValue(item, output);
        }

        output.Write("]"u8);
    }

    private static void WriteObject(JsonElement obj, IBufferWriter<byte> output, IReadOnlySet<string>? excludedKeys)
    {
        using var members = new SortedObjectMembers(obj, excludedKeys);
        output.Write("{"u8);
        ReadOnlySpan<ObjectMember> sorted = members.Members;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            CanonicalStringWriter.WriteQuoted(sorted[i].Name, output);
            output.Write(":"u8);
            WriteValue(sorted[i].Value, output);
        }

        output.Write("}"u8);
    }
}
