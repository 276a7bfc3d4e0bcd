using Microsoft.Extensions.Configuration;

namespace Synchronizer.Messaging.Listening;

/// <summary>The push path, <c>[openstack_notifications]</c>: where OpenStack publishes its own notifications.</summary>
public sealed class OpenStackNotificationsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "openstack_notifications";

    /// <summary>Gets or sets whether OpenStack's notifications trigger an immediate re-read of the entity. The default value is <see langword="false"/>.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary>Gets or sets OpenStack's bus, when it is not the synchronizer's own; empty uses [DEFAULT] transport_url. The default value is empty.</summary>
    [ConfigurationKeyName("transport_url")]
    public string TransportUrl { get; set; } = string.Empty;

    /// <summary>Gets or sets the prefix of the synchronizer's own queues, one per exchange and topic, so no other consumer of OpenStack's notifications is robbed. The default value is <c>synchronizer</c>.</summary>
    [ConfigurationKeyName("pool")]
    public string Pool { get; set; } = "synchronizer";

    /// <summary>Gets or sets where Nova publishes, as exchange:topic pairs separated by commas. The default value is <c>nova:versioned_notifications</c>.</summary>
    [ConfigurationKeyName("nova")]
    public string Nova { get; set; } = "nova:versioned_notifications";

    /// <summary>Gets or sets where Cinder publishes, as exchange:topic pairs separated by commas. The default value is <c>openstack:notifications,cinder:notifications</c>.</summary>
    [ConfigurationKeyName("cinder")]
    public string Cinder { get; set; } = "openstack:notifications,cinder:notifications";

    /// <summary>Gets or sets where Heat publishes, as exchange:topic pairs separated by commas. The default value is <c>heat:notifications</c>.</summary>
    [ConfigurationKeyName("heat")]
    public string Heat { get; set; } = "heat:notifications";

    /// <summary>Gets or sets how many notifications are handled at once. The default value is 8.</summary>
    [ConfigurationKeyName("concurrency")]
    public int Concurrency { get; set; } = 8;
}
