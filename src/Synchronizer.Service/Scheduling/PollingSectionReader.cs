using System.Globalization;
using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Scheduling;

/// <summary>Reads an entity type's section into <see cref="PollingOptions"/>, reporting every malformed value rather than the first.</summary>
internal static class PollingSectionReader
{
    public static PollingOptions Read(IConfiguration configuration, EntityTypeDescriptor descriptor, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(problems);
        var name = descriptor.Name;
        var section = configuration.GetSection(name);
        var defaults = PollingOptions.Defaults(descriptor);

        var enabled = defaults.Enabled;
        if (section[PollingOptions.EnabledKey] is { } enabledText && !bool.TryParse(enabledText, out enabled))
        {
            problems.Add(new(name, PollingOptions.EnabledKey, $"'{enabledText}' is not a boolean", "write true or false"));
            enabled = defaults.Enabled;
        }

        var interval = ReadSeconds(section, name, PollingOptions.IntervalKey, defaults.Interval, problems);
        var retryDefault = PollingOptions.DefaultRetryInterval(interval);
        var retry = ReadSeconds(section, name, PollingOptions.RetryIntervalKey, retryDefault, problems);
        if (retry > interval)
        {
            problems.Add(new(
                name,
                PollingOptions.RetryIntervalKey,
                $"{Seconds(retry)} s is longer than {PollingOptions.IntervalKey} ({Seconds(interval)} s), so a failed poll would be retried later than a good one is repeated",
                retryDefault == interval
                    ? $"write at most {Seconds(interval)}, or leave it out to retry at the interval"
                    : $"write at most {Seconds(interval)}, or leave it out for {Seconds(retryDefault)}"));
            retry = retryDefault;
        }

        return new PollingOptions(enabled, interval, retry, ReadJitter(section, name, problems));
    }

    private static TimeSpan ReadSeconds(IConfigurationSection section, string name, string key, TimeSpan fallback, ICollection<ConfigurationProblem> problems)
    {
        if (section[key] is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            problems.Add(new(name, key, $"'{text}' is not a whole number of seconds >= 1", $"write for example {Seconds(fallback)}"));
            return fallback;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static double ReadJitter(IConfigurationSection section, string name, ICollection<ConfigurationProblem> problems)
    {
        if (section[PollingOptions.JitterKey] is not { } text)
        {
            return PollingOptions.DefaultJitter;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var jitter) || jitter > PollingOptions.MaxJitter)
        {
            var max = PollingOptions.MaxJitter.ToString(CultureInfo.InvariantCulture);
            problems.Add(new(
                name,
                PollingOptions.JitterKey,
                $"'{text}' is not a fraction from 0 to {max}",
                "write for example 0.1 (each wait between 0.9 and 1.1 times the interval), or 0 for none"));
            return PollingOptions.DefaultJitter;
        }

        return jitter;
    }

    private static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
