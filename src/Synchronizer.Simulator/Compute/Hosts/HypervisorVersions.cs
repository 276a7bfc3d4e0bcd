using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>The microversions that change os-hypervisors (nova/api/openstack/compute/hypervisors.py).</summary>
internal static class HypervisorVersions
{
    /// <summary>cpu_info becomes a JSON object instead of a JSON-encoded string.</summary>
    public static readonly ApiVersion CpuInfoObject = new(2, 28);

    /// <summary>limit and marker (an integer id), and hypervisors_links.</summary>
    public static readonly ApiVersion Paging = new(2, 33);

    /// <summary>ids are UUIDs (node and service); hypervisor_hostname_pattern and with_servers replace search and servers.</summary>
    public static readonly ApiVersion Uuids = new(2, 53);

    /// <summary>with_servers gives an empty "servers" list for a host without servers.</summary>
    public static readonly ApiVersion EmptyServers = new(2, 75);

    /// <summary>The usage fields and cpu_info are gone; uptime is added.</summary>
    public static readonly ApiVersion NoUsage = new(2, 88);
}
