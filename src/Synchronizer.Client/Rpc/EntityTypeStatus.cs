namespace Synchronizer.Client.Rpc;

/// <summary>One entity type as <c>list_types</c> reports it.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Revision">The type's current revision.</param>
/// <param name="Count">How many entities the type has now.</param>
/// <param name="LastPollAt">When the last poll ended, as the service wrote it; <see langword="null"/> before the first.</param>
/// <param name="LastPollStatus">How the last poll went (for example <c>ok</c> or <c>failed</c>); <see langword="null"/> before the first.</param>
/// <param name="LastError">Why the last poll failed; <see langword="null"/> when it did not.</param>
public sealed record EntityTypeStatus(string EntityType, long Revision, long Count, string? LastPollAt, string? LastPollStatus, string? LastError);
