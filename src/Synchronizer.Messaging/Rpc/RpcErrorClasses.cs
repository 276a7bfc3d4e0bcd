namespace Synchronizer.Messaging.Rpc;

/// <summary>The failure classes of the contract (CONTRACT §4); oslo clients see them as <c>RemoteError.exc_type</c>.</summary>
public static class RpcErrorClasses
{
    /// <summary>The entity type is not enabled or does not exist.</summary>
    public const string UnknownEntityType = "UnknownEntityType";

    /// <summary>An argument is missing, not taken by the method, of the wrong JSON type or out of range; the message names it.</summary>
    public const string InvalidArgument = "InvalidArgument";

    /// <summary>The method does not exist.</summary>
    public const string UnknownMethod = "UnknownMethod";

    /// <summary><c>since_revision</c> is older than the retained change log: take a new snapshot.</summary>
    public const string RevisionGone = "RevisionGone";

    /// <summary>The snapshot of a <c>get_all</c> marker is gone: start over.</summary>
    public const string SnapshotExpired = "SnapshotExpired";

    /// <summary>The poll of a <c>sync</c> failed; the message says why.</summary>
    public const string SyncFailed = "SyncFailed";

    /// <summary>The request's version is not a served <c>1.x</c> version, as oslo's dispatcher names it.</summary>
    public const string UnsupportedVersion = "UnsupportedVersion";
}
