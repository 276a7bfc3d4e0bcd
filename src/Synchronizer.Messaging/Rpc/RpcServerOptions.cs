using Microsoft.Extensions.Configuration;

namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// Options of the oslo RPC server, in <c>[DEFAULT]</c> next to <c>transport_url</c> and
/// <c>control_exchange</c>, where oslo.messaging keeps its own RPC options. The exchange, the
/// durability of queues and the server name (<c>host</c>) come from <see cref="MessagingOptions"/>.
/// </summary>
public sealed class RpcServerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DEFAULT";

    /// <summary>Gets or sets the RPC topic: the server consumes the queues <c>&lt;topic&gt;</c> and <c>&lt;topic&gt;.&lt;host&gt;</c> and the fanout exchange <c>&lt;topic&gt;_fanout</c>. The default value is <c>synchronizer</c>.</summary>
    [ConfigurationKeyName("rpc_topic")]
    public string Topic { get; set; } = RpcServerDefaults.Topic;

    /// <summary>Gets or sets how many RPC requests are handled at once; more wait in the queue. The default value is 16.</summary>
    [ConfigurationKeyName("rpc_workers")]
    public int Workers { get; set; } = RpcServerDefaults.Workers;

    /// <summary>Gets or sets the largest RPC request body accepted, in bytes; a larger one is rejected unread. The default value is 1048576 (1 MiB).</summary>
    [ConfigurationKeyName("rpc_max_request_bytes")]
    public int MaxRequestBytes { get; set; } = RpcServerDefaults.MaxRequestBytes;
}
