using Microsoft.Extensions.Options;
using Synchronizer.Messaging;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// Checks the bus options of <c>[DEFAULT]</c> at start-up: a transport URL the bus can parse, and the
/// names every topic and queue is built from. Without it a bad URL would surface only when the first
/// change is published.
/// </summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ConfigurationProblem>();
        if (TransportUrlCheck.Check(MessagingOptions.SectionName, "transport_url", options.TransportUrl) is { } url)
        {
            problems.Add(url);
        }

        RequireName(problems, "control_exchange", options.ControlExchange, "synchronizer");
        RequireName(problems, "notification_topic_prefix", options.NotificationTopicPrefix, "synchronizer");
        RequireName(problems, "host", options.Host, "sync-1");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    private static void RequireName(List<ConfigurationProblem> problems, string key, string? value, string example)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() != value)
        {
            problems.Add(new ConfigurationProblem(MessagingOptions.SectionName, key, $"'{value}' is not a name: it is empty or has spaces around it", $"write for example {example}"));
        }
    }
}
