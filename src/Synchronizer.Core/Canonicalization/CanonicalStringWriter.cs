using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Synchronizer.Core.Canonicalization;

/// <summary>Reads JSON string contents and writes them with the minimal escapes of RFC 8785 §3.2.2.2.</summary>
internal static class CanonicalStringWriter
{
    private const int StackBufferLength = 256;

    /// <summary>U+0000 to U+001F, quotation mark and reverse solidus: the only characters RFC 8785 escapes.</summary>
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f"u8
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\"u8);

    /// <summary>Writes a string value given as it appears in the JSON text, without its quotes.</summary>
    /// <param name="raw">The string's contents, possibly with escape sequences; the JSON reader has checked their syntax.</param>
    /// <param name="output">Where to write the quoted canonical form.</param>
    /// <exception cref="JsonException">The string is not valid UTF-8 or holds a lone surrogate.</exception>
    public static void WriteRaw(ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        if (!raw.Contains((byte)'\\'))
        {
            EnsureValidUtf8(raw);
            WriteQuoted(raw, output);
            return;
        }

        // Unescaping never lengthens a string, so the contents fit in a buffer of the raw length.
        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= StackBufferLength
            ? stackalloc byte[StackBufferLength]
            : rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            WriteQuoted(buffer[..Unescape(raw, buffer)], output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes unescaped UTF-8 text as a quoted JSON string with the minimal escapes.</summary>
    /// <param name="text">Valid UTF-8 text.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteQuoted(ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        int special = text.IndexOfAny(NeedsEscape);

        // Escaping turns a byte into at most six (\u00xx); the two quotes come on top.
        Span<byte> destination = output.GetSpan((special < 0 ? text.Length : text.Length * 6) + 2);
        int written = 0;
        destination[written++] = (byte)'"';
        while (special >= 0)
        {
            text[..special].CopyTo(destination[written..]);
            written += special;
            written += WriteEscape(text[special], destination[written..]);
            text = text[(special + 1)..];
            special = text.IndexOfAny(NeedsEscape);
        }

        text.CopyTo(destination[written..]);
        written += text.Length;
        destination[written++] = (byte)'"';
        output.Advance(written);
    }

    /// <summary>Decodes the escape sequences of a JSON string's contents into UTF-8.</summary>
    /// <param name="raw">The contents as they appear in the JSON text; the JSON reader has checked their syntax.</param>
    /// <param name="destination">At least as long as <paramref name="raw"/>.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="JsonException">The string is not valid UTF-8 or holds a lone surrogate.</exception>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        EnsureValidUtf8(raw);
        int written = 0;
        int backslash;
        while ((backslash = raw.IndexOf((byte)'\\')) >= 0)
        {
            raw[..backslash].CopyTo(destination[written..]);
            written += backslash;
            byte kind = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
            if (kind == 'u')
            {
                written += DecodeUnicodeEscape(ref raw).EncodeToUtf8(destination[written..]);
                continue;
            }

            destination[written++] = kind switch
            {
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                _ => kind, // \" \\ \/
            };
        }

        raw.CopyTo(destination[written..]);
        return written + raw.Length;
    }

    private static Rune DecodeUnicodeEscape(ref ReadOnlySpan<byte> raw)
    {
        char unit = ParseHex4(raw);
        raw = raw[4..];
        if (char.IsHighSurrogate(unit) && raw.StartsWith("\\u"u8))
        {
            char low = ParseHex4(raw[2..]);
            if (char.IsLowSurrogate(low))
            {
                raw = raw[6..];
                return new Rune(unit, low);
            }
        }

        // RFC 8785 requires I-JSON, whose strings hold no lone surrogates (RFC 7493 §2.1).
        return Rune.TryCreate(unit, out Rune rune)
            ? rune
            : throw new JsonException($"A JSON string holds the lone surrogate \\u{(int)unit:x4}.");
    }

    private static char ParseHex4(ReadOnlySpan<byte> hex) =>
        (char)ushort.Parse(hex[..4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static int WriteEscape(byte value, Span<byte> destination)
    {
        char shortForm = value switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'\b' => 'b',
            (byte)'\f' => 'f',
            (byte)'\n' => 'n',
            (byte)'\r' => 'r',
            (byte)'\t' => 't',
            _ => '\0',
        };
        destination[0] = (byte)'\\';
        if (shortForm != '\0')
        {
            destination[1] = (byte)shortForm;
            return 2;
        }

        "u00"u8.CopyTo(destination[1..]);
        destination[4] = (byte)"0123456789abcdef"[value >> 4];
        destination[5] = (byte)"0123456789abcdef"[value & 0xF];
        return 6;
    }

    private static void EnsureValidUtf8(ReadOnlySpan<byte> text)
    {
        if (!Utf8.IsValid(text))
        {
            throw new JsonException("A JSON string is not valid UTF-8.");
        }
    }
}
