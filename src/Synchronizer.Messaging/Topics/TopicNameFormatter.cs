using Microsoft.Extensions.Options;

namespace Synchronizer.Messaging.Topics;

/// <summary>The one place that builds notification topic names and routing keys (CONTRACT §3).</summary>
public sealed class TopicNameFormatter
{
    private readonly IOptionsMonitor<MessagingOptions> _options;

    /// <summary>Initializes a new instance of the <see cref="TopicNameFormatter"/> class.</summary>
    /// <param name="options">The bus options holding the topic prefix.</param>
    public TopicNameFormatter(IOptionsMonitor<MessagingOptions> options) => _options = options;

    /// <summary>Gets the topic of an entity type, for example <c>synchronizer.nova.instance</c>.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The topic.</returns>
    public string Topic(string entityType) => $"{_options.CurrentValue.NotificationTopicPrefix}.{entityType}";

    /// <summary>Gets the routing key of INFO notifications of an entity type, for example <c>synchronizer.nova.instance.info</c>.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The routing key, which is also the name of the queue oslo's notifier declares.</returns>
    public string InfoRoutingKey(string entityType) => $"{Topic(entityType)}.info";
}
