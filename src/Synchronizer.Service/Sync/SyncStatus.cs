namespace Synchronizer.Service.Sync;

/// <summary>The <c>status</c> values of a <c>sync</c> result (CONTRACT §4).</summary>
internal static class SyncStatus
{
    /// <summary>The poll completed.</summary>
    public const string Ok = "ok";

    /// <summary>The poll failed; <c>error</c> says why.</summary>
    public const string Failed = "failed";

    /// <summary>The poll was requested with <c>wait=False</c> and runs without the caller.</summary>
    public const string Queued = "queued";
}
