using System.Buffers;
using System.Globalization;

namespace Synchronizer.Core.Hashing;

/// <summary>
/// The contract's entity hash: XXH3-64 (seed 0) of the entity's RFC 8785 canonical JSON,
/// written <c>xxh3-64:</c> followed by 16 lower-case hex digits.
/// </summary>
/// <param name="Value">The 64-bit XXH3 value.</param>
public readonly record struct ContentHash(ulong Value)
{
    private const string Prefix = "xxh3-64:";
    private const int HexDigits = 16;

    private static readonly SearchValues<char> LowerCaseHexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>Hashes canonical JSON bytes.</summary>
    /// <param name="canonicalJson">The UTF-8 canonical JSON of the entity, volatile fields already removed.</param>
    /// <returns>The entity's hash.</returns>
    public static ContentHash Of(ReadOnlySpan<byte> canonicalJson) => new(Xxh3.Hash64(canonicalJson));

    /// <summary>Parses the <c>xxh3-64:&lt;16 lower-case hex digits&gt;</c> form that <see cref="ToString"/> writes.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="hash">The parsed hash, or the default value when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a well-formed hash.</returns>
    public static bool TryParse(string? text, out ContentHash hash)
    {
        hash = default;
        if (text is null || text.Length != Prefix.Length + HexDigits || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // The token is compared as a string by consumers, so only the canonical lower-case form is accepted.
        ReadOnlySpan<char> digits = text.AsSpan(Prefix.Length);
        if (digits.ContainsAnyExcept(LowerCaseHexDigits)
            || !ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value))
        {
            return false;
        }

        hash = new ContentHash(value);
        return true;
    }

    /// <summary>Returns the hash as <c>xxh3-64:</c> followed by 16 lower-case hex digits.</summary>
    /// <returns>The contract's text form of the hash.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Value:x16}");
}
