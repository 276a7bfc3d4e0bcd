namespace Synchronizer.Core.Polling;

/// <summary>The result of one successful poll of one type.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Listed">How many entities the listing returned.</param>
/// <param name="Created">New ids.</param>
/// <param name="Updated">Changed hashes.</param>
/// <param name="Deleted">Vanished ids.</param>
/// <param name="Revision">The type's revision after the poll.</param>
/// <param name="Duration">How long the poll took, listing and publishing included.</param>
public sealed record PollOutcome(string EntityType, int Listed, int Created, int Updated, int Deleted, long Revision, TimeSpan Duration);
