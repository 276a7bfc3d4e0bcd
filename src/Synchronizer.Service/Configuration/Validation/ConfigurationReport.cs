using System.Globalization;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>What <c>check-config</c> found: every problem, and the entity types the configuration enables.</summary>
/// <param name="Problems">Every problem, grouped by section; empty when the configuration is valid.</param>
/// <param name="Types">Each entity type the plugins provide, with how it is polled, in name order.</param>
internal sealed record ConfigurationReport(IReadOnlyList<ConfigurationProblem> Problems, IReadOnlyList<(string EntityType, PollingOptions Polling)> Types)
{
    /// <summary>Gets whether the configuration has no problem.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>A report of one problem that stopped the check early, such as a configuration file that cannot be read.</summary>
    public static ConfigurationReport Failed(ConfigurationProblem problem) => new([problem], []);

    /// <summary>Summarizes the enabled types on one line: <c>5 entity types enabled: nova.instance every 60 s, …</c>.</summary>
    /// <returns>The line.</returns>
    public string Summary()
    {
        var enabled = Types.Where(t => t.Polling.Enabled).Select(t => $"{t.EntityType} every {Seconds(t.Polling.Interval)} s").ToList();
        var disabled = Types.Where(t => !t.Polling.Enabled).Select(t => t.EntityType).ToList();
        var line = enabled.Count == 0 ? "no entity type enabled" : $"{enabled.Count} entity type{(enabled.Count == 1 ? string.Empty : "s")} enabled: {string.Join(", ", enabled)}";
        return disabled.Count == 0 ? line : $"{line}; disabled: {string.Join(", ", disabled)}";
    }

    private static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
