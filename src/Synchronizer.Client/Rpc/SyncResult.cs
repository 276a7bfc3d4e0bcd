namespace Synchronizer.Client.Rpc;

/// <summary>How an on-demand poll of one type went, as <c>sync</c> reports it.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Status"><c>ok</c>, <c>failed</c> or <c>queued</c>.</param>
/// <param name="Error">Why the poll failed; <see langword="null"/> otherwise.</param>
/// <param name="Revision">The type's revision after the poll, when reported.</param>
/// <param name="Created">How many entities the poll found new.</param>
/// <param name="Updated">How many entities the poll found changed.</param>
/// <param name="Deleted">How many entities the poll found gone.</param>
/// <param name="DurationMs">How long the poll took, in milliseconds.</param>
public sealed record SyncResult(string EntityType, string Status, string? Error, long? Revision, long Created, long Updated, long Deleted, long DurationMs);
