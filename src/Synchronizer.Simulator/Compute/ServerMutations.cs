using Synchronizer.Simulator.Compute.Hosts;

namespace Synchronizer.Simulator.Compute;

/// <summary>The changes the control API and churn make, each bumping updated_at like a real DB save.</summary>
internal static class ServerMutations
{
    /// <summary>Moves a server to an API status with the vm/task/power states nova would hold for it.</summary>
    public static ServerRecord WithStatus(ServerRecord server, string status, DateTime now, Placement? placement)
    {
        if (!ServerStates.TryTarget(status, out var target))
        {
            throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
        }

        var running = target.PowerState == ServerStates.Running;

        // Offloading a shelved server frees its host; unshelving lands it on one again.
        var offloaded = target.VmState == "shelved_offloaded";
        var placed = server.Host is null && !offloaded ? placement : null;
        return server with
        {
            VmState = target.VmState,
            TaskState = target.TaskState,
            PowerState = target.PowerState ?? server.PowerState,
            UpdatedAt = now,

            // launched_at is set when the instance first runs and kept afterwards.
            LaunchedAt = server.LaunchedAt ?? (running ? now : null),

            Host = offloaded ? null : server.Host ?? placed?.Host,
            AvailabilityZone = placed?.Zone ?? server.AvailabilityZone,
            Fault = target.VmState == "error" ? NewFault(now) : server.Fault,
        };
    }

    public static ServerRecord Renamed(ServerRecord server, string name, DateTime now) =>
        server with { Name = name, UpdatedAt = now };

    public static ServerRecord WithMetadata(ServerRecord server, IReadOnlyDictionary<string, string> metadata, DateTime now) =>
        server with { Metadata = metadata, UpdatedAt = now };

    /// <summary>A soft tombstone: nova's deleted rows keep their data, with vm_state deleted.</summary>
    public static ServerRecord Deleted(ServerRecord server, DateTime now) =>
        server with
        {
            VmState = "deleted",
            TaskState = null,
            PowerState = ServerStates.NoState,
            UpdatedAt = now,
            TerminatedAt = now,
            DeletedAt = now,
        };

    private static ServerFault NewFault(DateTime now) => new(
        500,
        "No valid host was found. There are not enough hosts available.",
        "Traceback (most recent call last):\n  File \"/usr/lib/python3/dist-packages/nova/conductor/manager.py\", line 1580, in schedule_and_build_instances\n"
            + "nova.exception.NoValidHost: No valid host was found. There are not enough hosts available.\n",
        now);
}
