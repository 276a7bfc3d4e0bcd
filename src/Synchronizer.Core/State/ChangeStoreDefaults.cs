namespace Synchronizer.Core.State;

/// <summary>Defaults shared by every <see cref="IChangeStore"/>.</summary>
public static class ChangeStoreDefaults
{
    /// <summary>The fewest changes per type the change log keeps for <c>get_changes</c> (CONTRACT §4 <c>change_log_retention</c>).</summary>
    public const int ChangeLogRetention = 100_000;
}
