using Microsoft.Extensions.Configuration;
using Synchronizer.Service.Configuration;
using Synchronizer.Service.Scheduling;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// The poll interval of each entity type as the local configuration says (<c>[&lt;type&gt;] interval</c>,
/// else the plugin's default): what <c>synchronizer serve</c> uses when it reads the same files.
/// </summary>
internal static class ConfiguredIntervals
{
    /// <summary>Reads the intervals of the built-in plugins' types; a type whose section is malformed is left out.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var intervals = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var descriptor in KnownOptions.EntityTypes())
        {
            try
            {
                intervals[descriptor.Name] = PollingOptions.Read(configuration, descriptor).Interval;
            }
            catch (InvalidOperationException)
            {
                // synchronizer check-config names the problem; status only shows what it can.
            }
        }

        return intervals;
    }
}
