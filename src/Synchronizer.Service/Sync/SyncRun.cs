using Synchronizer.Core.Changes;

namespace Synchronizer.Service.Sync;

/// <summary>One poll of one type, and everyone waiting for its result.</summary>
/// <param name="source">Why it runs: periodic (<see cref="ChangeSource.Poll"/>) or on demand (<see cref="ChangeSource.Sync"/>).</param>
/// <param name="token">Cancels the poll itself: the periodic job's token when the job started it, else none.</param>
internal sealed class SyncRun(ChangeSource source, CancellationToken token)
{
    public ChangeSource Source { get; } = source;

    public CancellationToken Token { get; } = token;

    /// <summary>Gets the result every caller that joined the poll awaits.</summary>
    public TaskCompletionSource<SyncResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
