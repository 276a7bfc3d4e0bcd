namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// Which compute action a status change stands for, and whether it starts and/or ends with it: a
/// change into a transitional status (REBOOT, REBUILD...) only starts the action, the change out of
/// it ends it. A change nova makes without an action (into ERROR, a reset) is an instance.update alone.
/// </summary>
internal static class ServerActions
{
    private static readonly Dictionary<string, string> Starting = new(StringComparer.Ordinal)
    {
        ["REBOOT"] = "reboot",
        ["HARD_REBOOT"] = "reboot",
        ["REBUILD"] = "rebuild",
        ["RESIZE"] = "resize_prep",
        ["MIGRATING"] = "live_migration_pre",
    };

    private static readonly Dictionary<string, string> Into = new(StringComparer.Ordinal)
    {
        ["SHUTOFF"] = "power_off",
        ["PAUSED"] = "pause",
        ["SUSPENDED"] = "suspend",
        ["RESCUE"] = "rescue",
        ["SHELVED"] = "shelve",
        ["SHELVED_OFFLOADED"] = "shelve_offload",
        ["SOFT_DELETED"] = "soft_delete",
        ["VERIFY_RESIZE"] = "resize_finish",
    };

    private static readonly Dictionary<string, string> BackToActive = new(StringComparer.Ordinal)
    {
        ["SHUTOFF"] = "power_on",
        ["PAUSED"] = "unpause",
        ["SUSPENDED"] = "resume",
        ["RESCUE"] = "unrescue",
        ["SHELVED"] = "unshelve",
        ["SHELVED_OFFLOADED"] = "unshelve",
        ["VERIFY_RESIZE"] = "resize_confirm",
        ["SOFT_DELETED"] = "restore",
    };

    public static (string? Action, bool Starts, bool Ends) For(string from, string to)
    {
        if (Starting.TryGetValue(to, out var started))
        {
            return (started, true, false);
        }

        // Leaving a transitional status finishes what entering it started.
        if (Starting.TryGetValue(from, out var finished) && to is "ACTIVE" or "VERIFY_RESIZE")
        {
            return (to == "VERIFY_RESIZE" ? "resize_finish" : finished, to == "VERIFY_RESIZE", true);
        }

        if (to == "ACTIVE" && BackToActive.TryGetValue(from, out var back))
        {
            return (back, true, true);
        }

        return Into.TryGetValue(to, out var action) ? (action, true, true) : (null, false, false);
    }
}
