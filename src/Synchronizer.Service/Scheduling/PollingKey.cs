using System.Globalization;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Scheduling;

/// <summary>
/// One key of an entity type's section, as the sample configuration describes it and as
/// <c>check-config</c> knows it.
/// </summary>
/// <param name="Name">The key, for example <c>interval</c>.</param>
/// <param name="Kind">The oslo-config kind shown in the sample: <c>boolean</c>, <c>integer</c>, <c>floating point</c>.</param>
/// <param name="Help">The help text, ending with the default value.</param>
/// <param name="Default">The default value for a type, as written in the sample.</param>
internal sealed record PollingKey(string Name, string Kind, string Help, Func<EntityTypeDescriptor, string> Default)
{
    /// <summary>Gets every key of an entity type's section, in the order of the sample.</summary>
    public static IReadOnlyList<PollingKey> All { get; } =
    [
        new(
            PollingOptions.EnabledKey,
            "boolean",
            "Whether this entity type is polled and published. The default value is true.",
            _ => "true"),
        new(
            PollingOptions.IntervalKey,
            "integer",
            "Seconds from the end of one full poll of this entity type to the start of the next, so that a slow API is never polled back to back. The default value is the plugin's, shown here.",
            d => Seconds(d.DefaultInterval)),
        new(
            PollingOptions.RetryIntervalKey,
            "integer",
            "Seconds from the end of a failed poll to the next try, until a poll succeeds again; at most interval. The default value is 15, or interval when that is shorter.",
            d => Seconds(PollingOptions.DefaultRetryInterval(d.DefaultInterval))),
        new(
            PollingOptions.JitterKey,
            "floating point",
            "How far each wait before the next poll is spread at random, as a fraction of it, from 0 to 0.5: 0.1 waits between 0.9 and 1.1 times the interval, so that types and instances started together do not poll in lockstep; 0 turns it off. The default value is 0.1.",
            _ => PollingOptions.DefaultJitter.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
