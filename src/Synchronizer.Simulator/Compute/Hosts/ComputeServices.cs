namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>
/// The nova services besides nova-compute: a conductor and a scheduler on one controller host in the
/// "internal" zone (nova's internal_service_availability_zone), as on a devstack node.
/// </summary>
internal static class ComputeServices
{
    public const string ControllerHost = "sim-controller";
    public const string InternalZone = "internal";
    public const string DefaultZone = "nova";

    public static readonly IReadOnlyList<(int Id, string Binary)> Internal = [(1, "nova-conductor"), (2, "nova-scheduler")];

    /// <summary>The first id a nova-compute service gets, after the internal ones.</summary>
    public const int FirstComputeServiceId = 3;

    private const long ReportIntervalTicks = 10 * TimeSpan.TicksPerSecond;

    /// <summary>The last 10-second report of a live service; MySQL keeps whole seconds.</summary>
    public static DateTime LastReport(DateTime now, int serviceId)
    {
        var offset = (serviceId % 10) * TimeSpan.TicksPerSecond;
        var ticks = now.Ticks - offset;
        return new DateTime(ticks - (ticks % ReportIntervalTicks) + offset, DateTimeKind.Utc);
    }
}
