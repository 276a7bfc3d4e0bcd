using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Synchronizer.OpenStack.Microversions;

/// <summary>A microversion number, <c>major.minor</c>, ordered as numbers (2.9 &lt; 2.10 &lt; 2.79).</summary>
/// <param name="Major">The major version: 2 for compute, 3 for block storage.</param>
/// <param name="Minor">The minor version.</param>
public readonly record struct Microversion(int Major, int Minor) : IComparable<Microversion>
{
    /// <summary>Reads <c>2.79</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is not <c>major.minor</c>.</exception>
    public static Microversion Parse(string value) =>
        TryParse(value, out var version) ? version : throw new FormatException($"'{value}' is not a microversion such as 2.79.");

    /// <summary>Reads <c>2.79</c>, without throwing; use it to validate a configured microversion.</summary>
    /// <param name="value">The text.</param>
    /// <param name="version">The version, when the text is one.</param>
    /// <returns>Whether the text is <c>major.minor</c> with non-negative integers.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out Microversion version)
    {
        version = default;
        var parts = value?.Trim().Split('.');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new Microversion(major, minor);
        return true;
    }

    /// <summary>Compares two microversions.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> is older.</returns>
    public static bool operator <(Microversion left, Microversion right) => left.CompareTo(right) < 0;

    /// <summary>Compares two microversions.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> is newer.</returns>
    public static bool operator >(Microversion left, Microversion right) => left.CompareTo(right) > 0;

    /// <summary>Compares two microversions.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> is older or the same.</returns>
    public static bool operator <=(Microversion left, Microversion right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two microversions.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> is newer or the same.</returns>
    public static bool operator >=(Microversion left, Microversion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public int CompareTo(Microversion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Returns <c>major.minor</c>.</summary>
    /// <returns>For example <c>2.79</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
