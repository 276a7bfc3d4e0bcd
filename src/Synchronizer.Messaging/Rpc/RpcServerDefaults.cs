namespace Synchronizer.Messaging.Rpc;

/// <summary>The defaults of <see cref="RpcServerOptions"/>.</summary>
public static class RpcServerDefaults
{
    /// <summary>The default RPC topic.</summary>
    public const string Topic = "synchronizer";

    /// <summary>The default number of requests handled at once.</summary>
    public const int Workers = 16;

    /// <summary>The default largest request body accepted, in bytes (1 MiB).</summary>
    public const int MaxRequestBytes = 1024 * 1024;
}
