using System.Globalization;
using System.Text.RegularExpressions;

namespace Synchronizer.Simulator.Hosting;

/// <summary>A microversion, compared as (major, minor) numbers: 2.100 is newer than 2.99.</summary>
internal readonly partial record struct ApiVersion(int Major, int Minor) : IComparable<ApiVersion>
{
    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Parses the way nova's APIVersionRequest does: "2.1" yes, "2.01" and "2" no.</summary>
    public static bool TryParse(string text, out ApiVersion version)
    {
        var match = VersionPattern().Match(text);
        if (!match.Success)
        {
            version = default;
            return false;
        }

        version = new ApiVersion(
            int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
        return true;
    }

    public int CompareTo(ApiVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    [GeneratedRegex(@"^([1-9]\d*)\.([1-9]\d*|0)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
