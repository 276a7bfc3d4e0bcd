namespace Synchronizer.Plugins.Abstractions.Notifications;

/// <summary>Where an OpenStack service publishes its notifications: an oslo.messaging target, exchange and topic.</summary>
/// <remarks>
/// The routing key of a notification is <c>&lt;topic&gt;.&lt;priority&gt;</c> in lower case, so a consumer
/// of <see cref="Topic"/> <c>notifications</c> binds <c>notifications.info</c> (REALSTACK.md,
/// "Notifications on RabbitMQ"). Operators override these defaults with
/// <c>[openstack_notifications] &lt;service&gt; = exchange:topic,...</c> (CONTRACT §8).
/// </remarks>
/// <param name="Exchange">The topic exchange, for example <c>nova</c>, <c>openstack</c> or <c>heat</c>.</param>
/// <param name="Topic">The oslo topic without its priority, for example <c>versioned_notifications</c> or <c>notifications</c>.</param>
public sealed record NotificationTarget(string Exchange, string Topic)
{
    /// <summary>Returns the target in the configuration's <c>exchange:topic</c> form.</summary>
    /// <returns>For example <c>nova:versioned_notifications</c>.</returns>
    public override string ToString() => $"{Exchange}:{Topic}";
}
