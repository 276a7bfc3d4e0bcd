namespace Synchronizer.Client.Replication;

/// <summary>How the follower learnt of a change.</summary>
public enum ChangeOrigin
{
    /// <summary>A change notification on the type's topic (the normal path).</summary>
    Notification,

    /// <summary>The service's change log (<c>get_changes</c>), to fill a gap in the notifications.</summary>
    ChangeLog,

    /// <summary>The difference between the replica and a new snapshot (<c>get_all</c>), taken when the change log no longer reached back far enough.</summary>
    Snapshot,

    /// <summary>The answer of <c>reconcile</c> to a persisted replica, at start-up.</summary>
    Reconcile,
}
