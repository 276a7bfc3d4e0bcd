namespace Synchronizer.Client;

/// <summary>Where the synchronizer is and how to talk to it; the names match the service's configuration keys.</summary>
public sealed class SynchronizerClientOptions
{
    /// <summary>Gets or sets the oslo transport URL of the synchronizer's bus, <c>rabbit://user:pass@host:port/vhost</c> (several hosts comma-separated; <c>rabbit+tls://</c> for TLS). The default value is <c>rabbit://guest:guest@127.0.0.1:5672/</c>.</summary>
    public string TransportUrl { get; set; } = "rabbit://guest:guest@127.0.0.1:5672/";

    /// <summary>Gets or sets the service's <c>control_exchange</c>. The default value is <c>synchronizer</c>.</summary>
    public string ControlExchange { get; set; } = "synchronizer";

    /// <summary>Gets or sets the service's <c>rpc_topic</c>. The default value is <c>synchronizer</c>.</summary>
    public string RpcTopic { get; set; } = "synchronizer";

    /// <summary>Gets or sets the service's <c>notification_topic_prefix</c>. The default value is <c>synchronizer</c>.</summary>
    public string NotificationTopicPrefix { get; set; } = "synchronizer";

    /// <summary>Gets or sets the service's <c>amqp_durable_queues</c>, so the control exchange is declared with the same flags. The default value is <see langword="false"/>.</summary>
    public bool AmqpDurableQueues { get; set; }

    /// <summary>Gets or sets how long one RPC call may take. The default value is 60 seconds.</summary>
    public TimeSpan RpcTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets oslo's call monitor timeout: when set, the service sends keep-alives every half of it
    /// while a call runs, and a call fails when none comes for this long, however long <see cref="RpcTimeout"/> is.
    /// At least 2 seconds. The default value is <see langword="null"/>: no keep-alives.
    /// </summary>
    public TimeSpan? CallMonitorTimeout { get; set; }

    /// <summary>Gets or sets the page size of <c>get_all</c> and <c>get_changes</c> while following, 1 to 5000. The default value is 1000.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Gets or sets the name this client gives its connection and its queues, for operators reading the broker. The default value is <c>synchronizer-client</c>.</summary>
    public string ClientName { get; set; } = "synchronizer-client";
}
