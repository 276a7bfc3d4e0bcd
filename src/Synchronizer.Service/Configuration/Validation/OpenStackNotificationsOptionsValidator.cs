using System.Globalization;
using Microsoft.Extensions.Options;
using Synchronizer.Messaging.Listening;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// Checks <c>[openstack_notifications]</c> at start-up, with the parsers the push path uses: its
/// transport URL, the exchange:topic lists, and that Nova is heard on one topic only.
/// </summary>
/// <remarks>
/// The lists are checked whether or not the push path is enabled, so a mistake does not wait for the
/// day it is turned on.
/// </remarks>
internal sealed class OpenStackNotificationsOptionsValidator : IValidateOptions<OpenStackNotificationsOptions>
{
    private const string Section = OpenStackNotificationsOptions.SectionName;

    // Nova's default topics: [notifications] versioned_notifications_topics and oslo's legacy "topics".
    private const string VersionedTopic = "versioned_notifications";
    private const string LegacyTopic = "notifications";

    public ValidateOptionsResult Validate(string? name, OpenStackNotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ConfigurationProblem>();
        if (!string.IsNullOrWhiteSpace(options.TransportUrl) && TransportUrlCheck.Check(Section, "transport_url", options.TransportUrl) is { } url)
        {
            problems.Add(url);
        }

        var nova = Sources(problems, "nova", options.Nova);
        Sources(problems, "cinder", options.Cinder);
        Sources(problems, "heat", options.Heat);
        if (nova.Any(s => s.Topic == VersionedTopic) && nova.Any(s => s.Topic == LegacyTopic))
        {
            problems.Add(new ConfigurationProblem(
                Section,
                "nova",
                $"'{options.Nova}' listens to both {VersionedTopic} and {LegacyTopic}, and Nova sends every change on both when both are enabled (notification_format = both), so each change would be handled twice",
                $"choose one: nova = nova:{VersionedTopic} (what Nova sends by default), or nova = nova:{LegacyTopic} for a Nova set to notification_format = unversioned"));
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.Pool))
        {
            problems.Add(new ConfigurationProblem(Section, "pool", "is empty, and the push path is enabled", "write a queue prefix of the synchronizer's own, for example pool = synchronizer"));
        }

        if (options.Concurrency < 1)
        {
            problems.Add(new ConfigurationProblem(Section, "concurrency", $"{options.Concurrency.ToString(CultureInfo.InvariantCulture)} must be at least 1", "write for example 8 (the default)"));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    private static IReadOnlyList<NotificationSource> Sources(List<ConfigurationProblem> problems, string service, string? list)
    {
        try
        {
            return NotificationSource.ParseList(service, list ?? string.Empty, service);
        }
        catch (FormatException ex)
        {
            // The parser names section, key, the entry and the fix.
            problems.Add(ConfigurationProblem.Parse(ex.Message, Section));
            return [];
        }
    }
}
