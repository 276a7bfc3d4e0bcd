using System.Text.Json;

namespace Synchronizer.Core.Canonicalization;

/// <summary>A member of a JSON object, ordered the way RFC 8785 §3.2.3 sorts keys.</summary>
internal readonly struct ObjectMember : IComparable<ObjectMember>
{
    private readonly byte[] _buffer;
    private readonly int _nameStart;
    private readonly int _nameLength;

    /// <summary>Initializes a new instance of the <see cref="ObjectMember"/> struct.</summary>
    /// <param name="buffer">The buffer that holds the name.</param>
    /// <param name="nameStart">Where the unescaped UTF-8 name starts in <paramref name="buffer"/>.</param>
    /// <param name="nameLength">The name's length in bytes.</param>
    /// <param name="value">The member's value.</param>
    public ObjectMember(byte[] buffer, int nameStart, int nameLength, JsonElement value)
    {
        _buffer = buffer;
        _nameStart = nameStart;
        _nameLength = nameLength;
        Value = value;
    }

    /// <summary>Gets the unescaped UTF-8 name.</summary>
    public ReadOnlySpan<byte> Name => new(_buffer, _nameStart, _nameLength);

    public JsonElement Value { get; }

    /// <summary>Compares names by their UTF-16 code units, as RFC 8785 and JavaScript's default sort do.</summary>
    /// <param name="other">The member to compare with.</param>
    /// <returns>A negative number, zero or a positive number, as for <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    public int CompareTo(ObjectMember other) => CompareUtf16Order(Name, other.Name);

    /// <summary>Compares two valid UTF-8 strings in the order of their UTF-16 code units, without decoding them.</summary>
    /// <param name="left">The first string.</param>
    /// <param name="right">The second string.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    internal static int CompareUtf16Order(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int common = left.CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length - right.Length;
        }

        // UTF-8 byte order is code point order, and so is UTF-16 order except in one case: a surrogate
        // pair (U+10000 and up, lead bytes F0-F4) sorts before U+E000-U+FFFF (lead bytes EE-EF), because
        // its high surrogate is D800-DBFF. When the first differing bytes are continuation bytes, the two
        // code points share their lead byte and hence their kind, so these bytes alone decide.
        int leftByte = left[common];
        int rightByte = right[common];
        bool leftIsPair = leftByte >= 0xF0;
        bool rightIsPair = rightByte >= 0xF0;
        if (leftByte >= 0xEE && rightByte >= 0xEE && leftIsPair != rightIsPair)
        {
            return leftIsPair ? -1 : 1;
        }

        return leftByte - rightByte;
    }
}
