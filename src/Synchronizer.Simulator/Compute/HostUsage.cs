namespace Synchronizer.Simulator.Compute;

/// <summary>The sums nova's resource tracker keeps per compute node: instances, vCPUs, RAM, disk and busy instances.</summary>
internal readonly record struct HostUsage(int Servers, int Vcpus, int RamMb, int DiskGb, int Workload)
{
    public HostUsage Add(ServerRecord server)
    {
        var flavor = server.Flavor;

        // nova.compute.stats counts an instance as workload while it builds or a task moves its disk.
        var busy = server.VmState == "building" || server.TaskState is "rebuilding" or "resize_prep" or "resize_migrating" or "migrating";
        return new HostUsage(
            Servers + 1,
            Vcpus + flavor.Vcpus,
            RamMb + flavor.RamMb,
            DiskGb + flavor.DiskGb + flavor.EphemeralGb + (flavor.Swap / 1024),
            Workload + (busy ? 1 : 0));
    }
}
