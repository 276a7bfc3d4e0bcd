using System.Text.Json;

namespace Synchronizer.Core.Canonicalization;

/// <summary>A member of a JSON object, ordered the way RFC 8785 §3.2.3 sorts keys.</summary>
/// <param name="Name">The unescaped UTF-8 name.</param>
/// <param name="Value">The member's value.</param>
internal readonly record struct ObjectMember(ReadOnlyMemory<byte> Name, JsonElement Value) : IComparable<ObjectMember>
{
    /// <summary>Compares names by their UTF-16 code units, as RFC 8785 and JavaScript's default sort do.</summary>
    /// <param name="other">The member to compare with.</param>
    /// <returns>A negative number, zero or a positive number, as for <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    public int CompareTo(ObjectMember other) => CompareUtf16Order(Name.Span, other.Name.Span);

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
        // its high surrogate is D800-DBFF. The first difference is never inside a code point whose lead
        // bytes differ, so looking at the differing bytes alone is enough.
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
