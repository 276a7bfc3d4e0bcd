using Microsoft.Extensions.Configuration;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// Validates a whole configuration at once, collecting every problem rather than stopping at the
/// first: unknown sections and keys, values of the wrong kind, the plugin directory, each entity
/// type's polling, and every options validator the service runs at start-up. <c>check-config</c> and
/// <c>serve</c> both call it.
/// </summary>
internal static class ConfigurationValidator
{
    /// <summary>Validates the configuration.</summary>
    /// <param name="configuration">The configuration as <see cref="SynchronizerConfigurationBuilder"/> read it.</param>
    /// <returns>The report; no problem line shows a secret.</returns>
    public static ConfigurationReport Validate(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entries = ConfigurationEntry.All(configuration);
        var builtInKeys = KnownOptions.OptionsTypes().SelectMany(OptionKey.Of).ToList();
        var problems = new List<ConfigurationProblem>();
        using var host = BuildHost(configuration, entries, builtInKeys, problems);
        problems.AddRange(host.Problems);

        var known = new KnownKeys(builtInKeys.Concat(host.PluginOptionKeys), host.EntityTypes);
        problems.AddRange(UnknownKeysCheck.Find(entries, known, sectionsComplete: host.PluginsLoaded));
        var types = new List<(string, PollingOptions)>();
        foreach (var type in host.EntityTypes.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            types.Add((type.Name, PollingOptions.Read(configuration, type, problems)));
        }

        problems.AddRange(StartupValidation.Run(host.Host.Services));
        return new ConfigurationReport(Reported(problems, configuration, entries), types);
    }

    // Values the binder cannot convert are reported here and left out of what the host binds, so
    // that the binder does not throw before the other problems are found. A plugin's options are
    // known only once it is loaded: its unconvertible values cost a second build.
    private static ValidationHost BuildHost(IConfigurationRoot configuration, IReadOnlyList<ConfigurationEntry> entries, List<OptionKey> builtInKeys, List<ConfigurationProblem> problems)
    {
        var left = Convertible(configuration, entries, builtInKeys, problems);
        var host = ValidationHost.Build(InMemory(left));
        if (host.PluginOptionKeys.Count == 0)
        {
            return host;
        }

        var count = left.Count;
        left = Convertible(configuration, left, host.PluginOptionKeys, problems);
        if (left.Count == count)
        {
            return host;
        }

        host.Dispose();
        return ValidationHost.Build(InMemory(left));
    }

    private static List<ConfigurationEntry> Convertible(IConfiguration configuration, IReadOnlyList<ConfigurationEntry> entries, IEnumerable<OptionKey> keys, List<ConfigurationProblem> problems)
    {
        var unconvertible = ValueConversionCheck.Find(configuration, entries, keys).ToList();
        problems.AddRange(unconvertible.Select(u => u.Problem));
        return [.. entries.Except(unconvertible.Select(u => u.Entry))];
    }

    private static IConfiguration InMemory(IEnumerable<ConfigurationEntry> entries) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Section.Length == 0 ? e.Key : $"{e.Section}:{e.Key}", e.Value)))
            .Build();

    // As printed: each line names the variable that set its value, shows no secret, appears once, in section order.
    private static List<ConfigurationProblem> Reported(List<ConfigurationProblem> problems, IConfigurationRoot configuration, IReadOnlyList<ConfigurationEntry> entries)
    {
        var redactor = new SecretRedactor(entries);
        return problems
            .Select(p => p.Origin is null && p.Key.Length > 0 ? p with { Origin = ConfigurationEntry.OriginOf(configuration, $"{p.Section}:{p.Key}") } : p)
            .Select(redactor.Redact)
            .DistinctBy(p => p.ToString())
            .OrderBy(p => p.Section == "DEFAULT" ? string.Empty : p.Section, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
