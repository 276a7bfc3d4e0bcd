using System.Globalization;
using Synchronizer.Core.Polling;

namespace Synchronizer.Service.AdminApi;

/// <summary>One type's entry of <c>list_types</c> (CONTRACT §4).</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Revision">Its current revision.</param>
/// <param name="Count">Entities recorded.</param>
/// <param name="LastPollAt">When the last poll ended, UTC, <c>2026-11-22T10:15:30.123456Z</c>; <see langword="null"/> before the first.</param>
/// <param name="LastPollStatus"><c>ok</c> or <c>failed</c>; <see langword="null"/> before the first poll.</param>
/// <param name="LastError">Why the last poll failed; <see langword="null"/> after a success.</param>
internal sealed record EntityTypeSummary(string EntityType, long Revision, int Count, string? LastPollAt, string? LastPollStatus, string? LastError)
{
    public static EntityTypeSummary Of(TypeSynchronizer type)
    {
        ArgumentNullException.ThrowIfNull(type);

        // Status and snapshot are read once each: both are immutable, so the entry is consistent with itself.
        var status = type.Status;
        var snapshot = type.Current;
        var lastPollAt = status.LastPollAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return new(type.Descriptor.Name, snapshot.Revision, snapshot.Entities.Count, lastPollAt, status.LastPollStatus, status.LastError);
    }
}
