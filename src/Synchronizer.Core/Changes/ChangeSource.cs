namespace Synchronizer.Core.Changes;

/// <summary>What made the service look at the entity (CONTRACT §3 <c>source</c>).</summary>
public enum ChangeSource
{
    /// <summary>A periodic poll.</summary>
    Poll,

    /// <summary>A refresh after OpenStack announced a change.</summary>
    Notification,

    /// <summary>An on-demand sync.</summary>
    Sync,
}
