namespace Synchronizer.Client.Rpc;

/// <summary>The failure classes of the contract (CONTRACT §4), as <see cref="SynchronizerRpcException.ClassName"/> carries them.</summary>
public static class RpcErrorClasses
{
    /// <summary>The entity type is not enabled or does not exist.</summary>
    public const string UnknownEntityType = "UnknownEntityType";

    /// <summary>An argument is missing, not taken by the method, of the wrong type or out of range.</summary>
    public const string InvalidArgument = "InvalidArgument";

    /// <summary>The method does not exist.</summary>
    public const string UnknownMethod = "UnknownMethod";

    /// <summary>The revision asked for is older than the retained change log: take a new snapshot.</summary>
    public const string RevisionGone = "RevisionGone";

    /// <summary>The snapshot of a <c>get_all</c> marker is gone: start over.</summary>
    public const string SnapshotExpired = "SnapshotExpired";

    /// <summary>The poll of a <c>sync</c> failed.</summary>
    public const string SyncFailed = "SyncFailed";

    /// <summary>The server does not serve the requested API version.</summary>
    public const string UnsupportedVersion = "UnsupportedVersion";

    /// <summary>No queue took the request: no synchronizer ever listened on this exchange and topic (oslo's name for it).</summary>
    public const string MessageUndeliverable = "MessageUndeliverable";
}
