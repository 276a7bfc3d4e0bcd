using Synchronizer.Core.Polling;

namespace Synchronizer.Service.Sync;

/// <summary>One type's polls as the <see cref="SyncCoordinator"/> sees them: the one running and the one waiting to start after it.</summary>
internal sealed class SyncLane
{
    private int _succeeded;

    public SyncLane(TypeSynchronizer type) => Type = type;

    /// <summary>Gets the lock that guards <see cref="Current"/> and <see cref="Next"/>.</summary>
    public Lock Gate { get; } = new();

    public TypeSynchronizer Type { get; }

    /// <summary>Gets or sets the poll running now; <see langword="null"/> when none runs.</summary>
    public SyncRun? Current { get; set; }

    /// <summary>Gets or sets the poll that starts when <see cref="Current"/> ends; only set while one runs.</summary>
    public SyncRun? Next { get; set; }

    /// <summary>Gets whether a poll of the type completed at least once.</summary>
    public bool HasSucceeded => Volatile.Read(ref _succeeded) == 1;

    public void MarkSucceeded() => Volatile.Write(ref _succeeded, 1);
}
