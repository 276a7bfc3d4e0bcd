namespace Synchronizer.Client.Rpc;

/// <summary>Where and how long an <see cref="OsloRpcCaller"/> calls.</summary>
/// <param name="Exchange">The control exchange.</param>
/// <param name="Durable">Whether the control exchange is durable (<c>amqp_durable_queues</c>), to declare it as the server does.</param>
/// <param name="Topic">The RPC topic (the routing key).</param>
/// <param name="Timeout">How long a call may take in all.</param>
/// <param name="CallMonitorTimeout">When set, sent as <c>_timeout</c>: the server sends keep-alives every half of it, and a call fails when none comes for this long.</param>
internal sealed record RpcCallerSettings(string Exchange, bool Durable, string Topic, TimeSpan Timeout, TimeSpan? CallMonitorTimeout);
