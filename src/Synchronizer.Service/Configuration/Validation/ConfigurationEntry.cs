using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>One key the configuration sets, and where it was set when that was an environment variable.</summary>
/// <param name="Section">The section as written; empty for a variable <c>SYNCHRONIZER__KEY</c> that names none.</param>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The value.</param>
/// <param name="Origin">The environment variable that set it, or <see langword="null"/> for a file.</param>
internal sealed record ConfigurationEntry(string Section, string Key, string Value, string? Origin)
{
    /// <summary>Lists every key the configuration sets, in key order.</summary>
    public static IReadOnlyList<ConfigurationEntry> All(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.AsEnumerable()
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p =>
            {
                var colon = p.Key.IndexOf(':', StringComparison.Ordinal);
                var (section, key) = colon < 0 ? (string.Empty, p.Key) : (p.Key[..colon], p.Key[(colon + 1)..]);
                return new ConfigurationEntry(section, key, p.Value!, OriginOf(configuration, p.Key));
            })
            .ToArray();
    }

    /// <summary>Names the environment variable that sets <paramref name="path"/>, when the winning value came from one.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="path">The key path, <c>section:key</c>.</param>
    /// <returns><c>SYNCHRONIZER__SECTION__KEY</c>, or <see langword="null"/> when a file (or nothing) sets it.</returns>
    public static string? OriginOf(IConfigurationRoot configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Later providers win, as when the configuration is read.
        var winner = configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(path, out _));
        return winner is EnvironmentVariablesConfigurationProvider
            ? SynchronizerConfigurationBuilder.EnvironmentPrefix + path.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()
            : null;
    }
}
