namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>The service rows the zone views are built from: the controller's services, then one nova-compute per node.</summary>
internal static class ZoneServices
{
    public static List<Service> All(IEnumerable<HypervisorRecord> nodes, DateTime now)
    {
        var services = ComputeServices.Internal
            .Select(s => new Service(ComputeServices.ControllerHost, s.Binary, ComputeServices.InternalZone, Disabled: false, Up: true, ComputeServices.LastReport(now, s.Id)))
            .ToList();
        services.AddRange(nodes.Select(n => new Service(n.Hostname, "nova-compute", n.Zone, n.Disabled, n.Up, n.LastReport(now))));
        return services;
    }

    /// <summary>One row of nova's services table, with the zone nova's set_availability_zones gives it.</summary>
    public sealed record Service(string Host, string Binary, string Zone, bool Disabled, bool Up, DateTime UpdatedAt);
}
