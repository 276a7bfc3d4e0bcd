namespace Synchronizer.Simulator.Compute;

/// <summary>
/// Nova's API status is derived from (vm_state, task_state) through nova.api.openstack.common's
/// _STATE_MAP; the control API goes the other way, from a status to consistent states.
/// </summary>
internal static class ServerStates
{
    public const int NoState = 0;
    public const int Running = 1;
    public const int Paused = 3;
    public const int Shutdown = 4;
    public const int Suspended = 7;

    // Status -> (vm_state, task_state, power_state); a null power state keeps the server's current one.
    private static readonly Dictionary<string, (string VmState, string? TaskState, int? PowerState)> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ACTIVE"] = ("active", null, Running),
        ["BUILD"] = ("building", "spawning", NoState),
        ["SHUTOFF"] = ("stopped", null, Shutdown),
        ["PAUSED"] = ("paused", null, Paused),
        ["SUSPENDED"] = ("suspended", null, Suspended),
        ["RESCUE"] = ("rescued", null, Running),
        ["VERIFY_RESIZE"] = ("resized", null, Running),
        ["REBOOT"] = ("active", "rebooting", Running),
        ["HARD_REBOOT"] = ("active", "rebooting_hard", Running),
        ["REBUILD"] = ("active", "rebuilding", Running),
        ["RESIZE"] = ("active", "resize_prep", Running),
        ["MIGRATING"] = ("active", "migrating", Running),
        ["PASSWORD"] = ("active", "updating_password", Running),
        ["ERROR"] = ("error", null, null),
        ["SHELVED"] = ("shelved", null, Shutdown),
        ["SHELVED_OFFLOADED"] = ("shelved_offloaded", null, Shutdown),
        ["SOFT_DELETED"] = ("soft-delete", null, Shutdown),
    };

    public static IEnumerable<string> Statuses => Targets.Keys;

    public static bool TryTarget(string status, out (string VmState, string? TaskState, int? PowerState) target) =>
        Targets.TryGetValue(status, out target);

    public static string StatusOf(string vmState, string? taskState, bool deleted)
    {
        if (deleted)
        {
            return "DELETED";
        }

        return vmState switch
        {
            "active" => taskState switch
            {
                "rebooting" or "reboot_pending" or "reboot_started" => "REBOOT",
                "rebooting_hard" or "reboot_pending_hard" or "reboot_started_hard" => "HARD_REBOOT",
                "updating_password" => "PASSWORD",
                "rebuilding" or "rebuild_block_device_mapping" or "rebuild_spawning" => "REBUILD",
                "migrating" => "MIGRATING",
                "resize_prep" or "resize_migrating" or "resize_migrated" or "resize_finish" => "RESIZE",
                _ => "ACTIVE",
            },
            "building" => "BUILD",
            "stopped" => taskState is "resize_prep" or "resize_migrating" or "resize_migrated" or "resize_finish" ? "RESIZE" : "SHUTOFF",
            "resized" => taskState == "resize_reverting" ? "REVERT_RESIZE" : "VERIFY_RESIZE",
            "paused" => "PAUSED",
            "suspended" => "SUSPENDED",
            "rescued" => "RESCUE",
            "error" => "ERROR",
            "deleted" => "DELETED",
            "soft-delete" => "SOFT_DELETED",
            "shelved" => "SHELVED",
            "shelved_offloaded" => "SHELVED_OFFLOADED",
            _ => "UNKNOWN",
        };
    }
}
