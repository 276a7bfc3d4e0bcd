using System.Text.RegularExpressions;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// The last guard before a problem is printed: every secret the configuration holds (passwords,
/// tokens, application credential secrets, the passwords inside URLs) is replaced by <c>***</c>
/// wherever a message would show it, whichever validator wrote that message.
/// </summary>
internal sealed partial class SecretRedactor
{
    // Shorter values would also match ordinary words of a message; no deployment's secret is that short.
    private const int ShortestSecret = 3;

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<ConfigurationEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _secrets = [.. entries
            .SelectMany(SecretsOf)
            .Where(s => s.Length >= ShortestSecret)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)];
    }

    /// <summary>Removes every secret from the problem's message and fix.</summary>
    public ConfigurationProblem Redact(ConfigurationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem with { Message = Redact(problem.Message), Fix = Redact(problem.Fix) };
    }

    private string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> SecretsOf(ConfigurationEntry entry)
    {
        if (SecretKey().IsMatch(entry.Key))
        {
            yield return entry.Value;
        }

        // user:password@ in any URL: transport URLs, the database connection, an auth_url written with one.
        foreach (Match match in UrlPassword().Matches(entry.Value))
        {
            yield return match.Groups["password"].Value;
            yield return Uri.UnescapeDataString(match.Groups["password"].Value);
        }
    }

    [GeneratedRegex("(password|secret|token)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();

    [GeneratedRegex("(?:://|,)[^:/@,]*:(?<password>[^/,]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
