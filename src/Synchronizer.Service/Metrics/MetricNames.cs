namespace Synchronizer.Service.Metrics;

/// <summary>
/// The meters, instruments and tags of CONTRACT §6, with the Prometheus name each becomes in
/// <c>/metrics</c>. Layers that cannot reference the service (OpenStack, Messaging) create their
/// instruments with these same names through <c>IMeterFactory</c>, in a meter named
/// <c>Synchronizer.&lt;Layer&gt;</c>; the collector reads every meter whose name starts with <c>Synchronizer</c>.
/// </summary>
internal static class MetricNames
{
    /// <summary>The service's own meter.</summary>
    public const string Meter = "Synchronizer";

    /// <summary>The meter the OpenStack client records its requests in.</summary>
    public const string OpenStackMeter = "Synchronizer.OpenStack";

    /// <summary>Observable gauge: entities currently recorded (<c>synchronizer_entities</c>); tag <see cref="EntityTypeTag"/>.</summary>
    public const string Entities = "synchronizer.entities";

    /// <summary>Observable gauge: the type's current revision (<c>synchronizer_revision</c>); tag <see cref="EntityTypeTag"/>.</summary>
    public const string Revision = "synchronizer.revision";

    /// <summary>Counter: completed polls (<c>synchronizer_polls_total</c>); tags <see cref="EntityTypeTag"/>, <see cref="ResultTag"/> (<c>ok</c> or <c>failed</c>).</summary>
    public const string Polls = "synchronizer.polls";

    /// <summary>Histogram, seconds: poll duration (<c>synchronizer_poll_duration_seconds</c>); tags <see cref="EntityTypeTag"/>, <see cref="ResultTag"/>.</summary>
    public const string PollDuration = "synchronizer.poll.duration";

    /// <summary>Counter: notifications the broker confirmed (<c>synchronizer_notifications_published_total</c>); tag <see cref="EntityTypeTag"/>.</summary>
    public const string NotificationsPublished = "synchronizer.notifications.published";

    /// <summary>Counter: RPC calls served (<c>synchronizer_rpc_calls_total</c>); tags <see cref="MethodTag"/>, <see cref="ResultTag"/> (<c>ok</c> or the error class).</summary>
    public const string RpcCalls = "synchronizer.rpc.calls";

    /// <summary>
    /// Histogram, seconds: how long after OpenStack emitted a notification the push path recorded
    /// the entity it announced (<c>synchronizer_push_lag_seconds</c>); tag <see cref="EntityTypeTag"/>.
    /// </summary>
    public const string PushLag = "synchronizer.push.lag";

    /// <summary>
    /// Counter in <see cref="OpenStackMeter"/>: OpenStack API requests (<c>synchronizer_openstack_api_requests_total</c>);
    /// tags <see cref="ServiceTag"/> (catalog service type) and <see cref="StatusTag"/> (HTTP status code, or <c>error</c> when no response came).
    /// </summary>
    public const string OpenStackApiRequests = "synchronizer.openstack.api.requests";

    /// <summary>The entity type, for example <c>nova.instance</c>.</summary>
    public const string EntityTypeTag = "entity_type";

    /// <summary>How a poll or call ended.</summary>
    public const string ResultTag = "result";

    /// <summary>The RPC method, one of CONTRACT §4's, or <c>other</c>.</summary>
    public const string MethodTag = "method";

    /// <summary>The OpenStack service type from the catalog: <c>identity</c>, <c>compute</c>, <c>volumev3</c>, <c>orchestration</c>….</summary>
    public const string ServiceTag = "service";

    /// <summary>The HTTP status code as text, for example <c>200</c>.</summary>
    public const string StatusTag = "status";
}
