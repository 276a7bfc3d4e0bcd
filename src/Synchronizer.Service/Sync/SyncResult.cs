using Synchronizer.Core.Polling;

namespace Synchronizer.Service.Sync;

/// <summary>One type's entry in the result of <c>sync</c> (CONTRACT §4), for RPC and the admin API alike.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Status"><see cref="SyncStatus.Ok"/>, <see cref="SyncStatus.Failed"/> or <see cref="SyncStatus.Queued"/>.</param>
/// <param name="Error">Why the poll failed; <see langword="null"/> unless failed.</param>
/// <param name="Revision">The type's revision after the poll (for a queued or failed one: its revision now).</param>
/// <param name="Created">New entities; <see langword="null"/> unless ok.</param>
/// <param name="Updated">Changed entities; <see langword="null"/> unless ok.</param>
/// <param name="Deleted">Vanished entities; <see langword="null"/> unless ok.</param>
/// <param name="DurationMs">How long the poll took, in milliseconds; <see langword="null"/> when queued.</param>
internal sealed record SyncResult(string EntityType, string Status, string? Error, long Revision, int? Created, int? Updated, int? Deleted, long? DurationMs)
{
    public static SyncResult Ok(PollOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.EntityType, SyncStatus.Ok, null, outcome.Revision, outcome.Created, outcome.Updated, outcome.Deleted, (long)outcome.Duration.TotalMilliseconds);
    }

    public static SyncResult Failed(string entityType, string error, long revision, TimeSpan duration) =>
        new(entityType, SyncStatus.Failed, error, revision, null, null, null, (long)duration.TotalMilliseconds);

    public static SyncResult Queued(string entityType, long revision) =>
        new(entityType, SyncStatus.Queued, null, revision, null, null, null, null);
}
