using System.Text.RegularExpressions;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// One thing wrong with the configuration: where it is, what is wrong and how to fix it. It renders
/// as one line, <c>[service_credentials] auth_url: 'htp:/x' is not an http(s) URL; write for example http://127.0.0.1:5000/v3</c>.
/// </summary>
/// <param name="Section">The section, as the sample configuration spells it: <c>DEFAULT</c>, <c>nova.instance</c>.</param>
/// <param name="Key">The key; empty when the problem is the section as a whole.</param>
/// <param name="Message">What is wrong; never a secret.</param>
/// <param name="Fix">What to write instead; empty when the message already says it.</param>
internal sealed partial record ConfigurationProblem(string Section, string Key, string Message, string Fix)
{
    /// <summary>Gets the environment variable that set the value, when one did: <c>SYNCHRONIZER__ADMIN_API__BIND</c>.</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// Reads a failure line of an options validator. The validators of every project write
    /// <c>[section] key: message; fix</c>, or older forms of it (<c>[section] key = value …: fix</c>,
    /// <c>[section] key must …</c>), which this reads too; a line that names no section is kept whole
    /// under <paramref name="fallbackSection"/>.
    /// </summary>
    /// <param name="failure">The failure line.</param>
    /// <param name="fallbackSection">The section of the options class that failed.</param>
    /// <returns>The problem.</returns>
    public static ConfigurationProblem Parse(string failure, string fallbackSection)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var line = OneLine(failure);
        var match = FailureLine().Match(line);
        if (!match.Success)
        {
            return new ConfigurationProblem(fallbackSection, string.Empty, line, string.Empty);
        }

        var rest = match.Groups["rest"].Value;
        rest = rest.StartsWith(':') ? rest[1..] : rest.StartsWith(" = ", StringComparison.Ordinal) ? rest[3..] : rest;
        rest = rest.Trim();
        var split = rest.IndexOf("; ", StringComparison.Ordinal);
        return split < 0
            ? new ConfigurationProblem(match.Groups["section"].Value, match.Groups["key"].Value, rest, string.Empty)
            : new ConfigurationProblem(match.Groups["section"].Value, match.Groups["key"].Value, rest[..split], rest[(split + 2)..]);
    }

    /// <summary>
    /// Renders the problem as one line: <c>[section] key (from VARIABLE): message; fix</c>. A problem of
    /// no section (a configuration file that cannot be read) is its message alone.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var where = (Section.Length, Key.Length) switch
        {
            (0, 0) => string.Empty,
            (0, _) => Key,
            (_, 0) => $"[{Section}]",
            _ => $"[{Section}] {Key}",
        };
        var origin = Origin is null ? string.Empty : $" (from {Origin})";
        var fix = Fix.Length == 0 ? string.Empty : "; " + Fix;
        return OneLine(where.Length == 0 ? Message + fix : $"{where}{origin}: {Message}{fix}");
    }

    // An exception message from a plugin can span lines; the output is one line per problem.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex(@"^\[(?<section>[^\]\s]+)\] (?<key>[A-Za-z0-9_.\-]+)(?<rest>(:|\s).*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FailureLine();
}
