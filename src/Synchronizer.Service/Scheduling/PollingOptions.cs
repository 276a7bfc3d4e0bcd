using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Scheduling;

/// <summary>How one entity type is polled, from its own section, for example <c>[nova.instance]</c>.</summary>
/// <param name="Enabled">Whether the type is polled. The default value is <see langword="true"/>.</param>
/// <param name="Interval">
/// The time from the end of one full poll to the start of the next (a fixed delay, so a slow API is
/// never polled back to back). The default value is the plugin's default interval.
/// </param>
/// <param name="RetryInterval">
/// The time from the end of a failed poll to the next, until one succeeds again; never longer than <paramref name="Interval"/>.
/// The default value is 15 seconds, or <paramref name="Interval"/> when that is shorter.
/// </param>
/// <param name="Jitter">
/// How far each wait is spread at random, as a fraction of it: 0.1 waits between 0.9 and 1.1 times
/// the interval, so that types and instances started together drift apart. The default value is 0.1.
/// </param>
internal sealed record PollingOptions(bool Enabled, TimeSpan Interval, TimeSpan RetryInterval, double Jitter)
{
    public const string EnabledKey = "enabled";
    public const string IntervalKey = "interval";
    public const string RetryIntervalKey = "retry_interval";
    public const string JitterKey = "jitter";

    /// <summary>The default jitter: a tenth of the wait either way.</summary>
    public const double DefaultJitter = 0.1;

    /// <summary>The largest jitter: beyond half the wait, two polls could come almost together.</summary>
    public const double MaxJitter = 0.5;

    /// <summary>
    /// The longest default retry interval. The OpenStack client has already retried each request
    /// with backoff before a poll fails, so one more try a few seconds later rarely helps, while a
    /// whole interval (minutes for some types) keeps consumers stale too long.
    /// </summary>
    public static readonly TimeSpan DefaultRetryCeiling = TimeSpan.FromSeconds(15);

    /// <summary>Gets the options of a type whose section sets nothing.</summary>
    public static PollingOptions Defaults(EntityTypeDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new(true, descriptor.DefaultInterval, DefaultRetryInterval(descriptor.DefaultInterval), DefaultJitter);
    }

    /// <summary>Gets the retry interval used when the section sets none: 15 seconds, or the interval when that is shorter.</summary>
    public static TimeSpan DefaultRetryInterval(TimeSpan interval) => interval < DefaultRetryCeiling ? interval : DefaultRetryCeiling;

    /// <summary>Reads a type's section, falling back to the plugin's defaults.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed; the message has one line per problem, naming section, key and fix.</exception>
    public static PollingOptions Read(IConfiguration configuration, EntityTypeDescriptor descriptor)
    {
        var problems = new List<ConfigurationProblem>();
        var options = Read(configuration, descriptor, problems);
        return problems.Count == 0 ? options : throw new InvalidOperationException(string.Join('\n', problems));
    }

    /// <summary>Reads a type's section, adding every malformed value to <paramref name="problems"/>; a malformed value reads as its default.</summary>
    public static PollingOptions Read(IConfiguration configuration, EntityTypeDescriptor descriptor, ICollection<ConfigurationProblem> problems) =>
        PollingSectionReader.Read(configuration, descriptor, problems);
}
