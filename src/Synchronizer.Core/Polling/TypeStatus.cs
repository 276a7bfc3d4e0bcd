namespace Synchronizer.Core.Polling;

/// <summary>How the last poll of a type went (CONTRACT §4 <c>list_types</c>).</summary>
/// <param name="LastPollAt">When the last poll ended; <see langword="null"/> before the first.</param>
/// <param name="LastPollStatus"><c>ok</c> or <c>failed</c>; <see langword="null"/> before the first poll.</param>
/// <param name="LastError">Why the last poll failed; <see langword="null"/> after a success.</param>
public sealed record TypeStatus(DateTimeOffset? LastPollAt, string? LastPollStatus, string? LastError)
{
    /// <summary>Gets the status of a type that has not been polled yet.</summary>
    public static TypeStatus NeverPolled { get; } = new(null, null, null);
}
