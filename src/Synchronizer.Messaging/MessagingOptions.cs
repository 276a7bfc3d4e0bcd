using Microsoft.Extensions.Configuration;

namespace Synchronizer.Messaging;

/// <summary>Bus options of the <c>[DEFAULT]</c> section, named as oslo.messaging names them.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DEFAULT";

    /// <summary>Gets or sets the oslo transport URL, <c>rabbit://user:pass@host:port/vhost</c>. The default value is <c>rabbit://guest:guest@127.0.0.1:5672/</c>.</summary>
    [ConfigurationKeyName("transport_url")]
    public string TransportUrl { get; set; } = "rabbit://guest:guest@127.0.0.1:5672/";

    /// <summary>Gets or sets the exchange notifications and RPC use. The default value is <c>synchronizer</c>.</summary>
    [ConfigurationKeyName("control_exchange")]
    public string ControlExchange { get; set; } = "synchronizer";

    /// <summary>Gets or sets the first part of every notification topic. The default value is <c>synchronizer</c>.</summary>
    [ConfigurationKeyName("notification_topic_prefix")]
    public string NotificationTopicPrefix { get; set; } = "synchronizer";

    /// <summary>Gets or sets whether exchanges and queues are declared durable, as oslo's option. The default value is <see langword="false"/>.</summary>
    [ConfigurationKeyName("amqp_durable_queues")]
    public bool AmqpDurableQueues { get; set; }

    /// <summary>Gets or sets the name of this instance, used in <c>publisher_id</c>. The default value is the machine's host name.</summary>
    [ConfigurationKeyName("host")]
    public string Host { get; set; } = Environment.MachineName;
}
