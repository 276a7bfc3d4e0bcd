using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Synchronizer.Core.Canonicalization;

/// <summary>
/// Writes JSON numbers as ECMAScript's <c>Number.prototype.toString</c> does (ECMA-262 Number::toString),
/// which RFC 8785 §3.2.2.3 requires: the shortest digits that round-trip the IEEE 754 double, laid out
/// as an integer up to 1e21, as a decimal fraction down to 1e-6, and in exponent form (<c>1e+21</c>) otherwise.
/// </summary>
internal static class EcmaScriptNumberFormatter
{
    /// <summary>The longest output: <c>-0.00000</c> and 17 digits (25), or <c>-d.</c>, 16 digits and <c>e-324</c> (24).</summary>
    private const int MaxLength = 32;

    /// <summary>Integers of up to 15 digits are exact doubles and already in canonical form.</summary>
    private const int MaxVerbatimDigits = 15;

    /// <summary>Writes a JSON number given as it appears in the JSON text.</summary>
    /// <param name="number">The number's text; the JSON reader has checked its syntax.</param>
    /// <param name="output">Where to write the canonical form.</param>
    /// <exception cref="JsonException">The number is too large for a double.</exception>
    public static void Write(ReadOnlySpan<byte> number, IBufferWriter<byte> output)
    {
        ReadOnlySpan<byte> digits = number[0] == '-' ? number[1..] : number;
        if (digits.Length <= MaxVerbatimDigits && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9') && !number.SequenceEqual("-0"u8))
        {
            output.Write(number);
            return;
        }

        double value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new JsonException($"The number {Encoding.UTF8.GetString(number)} is outside the range of an IEEE 754 double.");
        }

        int written = Format(value, output.GetSpan(MaxLength));
        output.Advance(written);
    }

    /// <summary>Formats a finite double as ECMAScript does.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">At least 32 bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int Format(double value, Span<byte> destination)
    {
        if (value == 0)
        {
            destination[0] = (byte)'0'; // -0 included
            return 1;
        }

        // .NET's "R" gives the shortest round-trip digits as [-]d[.ddd][E(+|-)dd]; only the layout differs.
        Span<byte> shortest = stackalloc byte[MaxLength];
        value.TryFormat(shortest, out int length, "R", CultureInfo.InvariantCulture);
        shortest = shortest[..length];

        int written = 0;
        if (shortest[0] == '-')
        {
            destination[written++] = (byte)'-';
            shortest = shortest[1..];
        }

        // Following ECMA-262: the value is 0.d1…dk × 10^n, with k as small as possible.
        Span<byte> digits = stackalloc byte[MaxLength];
        int k = 0;
        int pointAt = -1;
        int exponent = 0;
        for (int i = 0; i < shortest.Length; i++)
        {
            byte c = shortest[i];
            if (c == 'E')
            {
                exponent = int.Parse(shortest[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }

            if (c == '.')
            {
                pointAt = k;
                continue;
            }

            digits[k++] = c;
        }

        int n = (pointAt < 0 ? k : pointAt) + exponent;
        int leadingZeros = digits[..k].IndexOfAnyExcept((byte)'0');
        digits = digits[leadingZeros..k];
        n -= leadingZeros;
        digits = digits[..(digits.LastIndexOfAnyExcept((byte)'0') + 1)];
        k = digits.Length;

        return written + Layout(digits, n, destination[written..]);
    }

    private static int Layout(ReadOnlySpan<byte> digits, int n, Span<byte> destination)
    {
        int k = digits.Length;
        if (k <= n && n <= 21)
        {
            digits.CopyTo(destination);
            destination[k..n].Fill((byte)'0');
            return n;
        }

        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination);
            destination[n] = (byte)'.';
            digits[n..].CopyTo(destination[(n + 1)..]);
            return k + 1;
        }

        if (-6 < n && n <= 0)
        {
            "0."u8.CopyTo(destination);
            destination[2..(2 - n)].Fill((byte)'0');
            digits.CopyTo(destination[(2 - n)..]);
            return 2 - n + k;
        }

        int written = 0;
        destination[written++] = digits[0];
        if (k > 1)
        {
            destination[written++] = (byte)'.';
            digits[1..].CopyTo(destination[written..]);
            written += k - 1;
        }

        destination[written++] = (byte)'e';
        destination[written++] = n - 1 < 0 ? (byte)'-' : (byte)'+';
        Math.Abs(n - 1).TryFormat(destination[written..], out int exponentLength, provider: CultureInfo.InvariantCulture);
        return written + exponentLength;
    }
}
