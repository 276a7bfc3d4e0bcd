using System.Globalization;
using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Scheduling;

/// <summary>How one entity type is polled, from its own section, for example <c>[nova.instance]</c>.</summary>
/// <param name="Enabled">Whether the type is polled. The default value is <see langword="true"/>.</param>
/// <param name="Interval">Seconds between full polls. The default value is the plugin's default interval.</param>
internal sealed record PollingOptions(bool Enabled, TimeSpan Interval)
{
    public const string EnabledKey = "enabled";
    public const string IntervalKey = "interval";

    /// <summary>Reads a type's section, falling back to the plugin's defaults.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed; the message names section, key and fix.</exception>
    public static PollingOptions Read(IConfiguration configuration, EntityTypeDescriptor descriptor)
    {
        var section = configuration.GetSection(descriptor.Name);
        var enabled = true;
        if (section[EnabledKey] is { } enabledText && !bool.TryParse(enabledText, out enabled))
        {
            throw new InvalidOperationException($"[{descriptor.Name}] {EnabledKey} = '{enabledText}' is not a boolean: write true or false.");
        }

        var interval = descriptor.DefaultInterval;
        if (section[IntervalKey] is { } intervalText)
        {
            if (!int.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            {
                throw new InvalidOperationException($"[{descriptor.Name}] {IntervalKey} = '{intervalText}' is not a whole number of seconds >= 1: write for example 60.");
            }

            interval = TimeSpan.FromSeconds(seconds);
        }

        return new PollingOptions(enabled, interval);
    }
}
