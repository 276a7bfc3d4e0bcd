namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>
/// A compute node and the nova-compute service on it (one node per service, as with libvirt): its
/// integer ids (before 2.53) and UUIDs (from 2.53), capacity, zone and service state. Usage figures
/// are not stored; they are summed from the servers on the host when rendered.
/// </summary>
internal sealed record HypervisorRecord
{
    /// <summary>compute_nodes.id, the hypervisor id before 2.53; ascending ids are nova's list order.</summary>
    public required int Id { get; init; }

    public required string Uuid { get; init; }

    /// <summary>The host and the hypervisor_hostname are the same name, as with libvirt on a one-node service.</summary>
    public required string Hostname { get; init; }

    public required string Zone { get; init; }

    /// <summary>services.id of the host's nova-compute (the service id before 2.53).</summary>
    public required int ServiceId { get; init; }

    public required string ServiceUuid { get; init; }

    public required string HostIp { get; init; }

    public required int Vcpus { get; init; }

    public required int MemoryMb { get; init; }

    public required int LocalGb { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>An admin disabled the compute service: status "disabled", no new servers land here.</summary>
    public bool Disabled { get; init; }

    public string? DisabledReason { get; init; }

    /// <summary>Null while the service reports in (state "up"); otherwise its last report, frozen.</summary>
    public DateTime? DownSince { get; init; }

    public bool Up => DownSince is null;

    /// <summary>
    /// services.updated_at: the service group driver saves a report every report_interval (10 s), so a
    /// live service's timestamp moves on in 10-second steps (offset per service, as they started apart).
    /// </summary>
    public DateTime LastReport(DateTime now) => DownSince ?? ComputeServices.LastReport(now, ServiceId);
}
