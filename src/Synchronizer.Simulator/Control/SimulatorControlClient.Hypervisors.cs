using System.Text.Json;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's compute hosts and availability zones.</summary>
public sealed partial class SimulatorControlClient
{
    /// <summary>
    /// Adds a compute node, enabled and up (default name sim-compute-N, zone "nova"), and returns its
    /// hypervisor UUID (its id from microversion 2.53). New servers are scheduled onto it too.
    /// </summary>
    public Task<string> AddHypervisorAsync(string? hostname = null, string? zone = null, CancellationToken ct = default) =>
        SendForIdAsync(HttpMethod.Post, "control/hypervisors", new { hostname, zone }, ct);

    /// <summary>Enables or disables a node's compute service (<paramref name="status"/>) and/or takes it down or up (<paramref name="state"/>).</summary>
    /// <param name="idOrHostname">The hypervisor's UUID, integer id or host name.</param>
    /// <param name="status"><c>enabled</c> or <c>disabled</c>; null leaves it.</param>
    /// <param name="state"><c>up</c> or <c>down</c>; null leaves it.</param>
    /// <param name="disabledReason">The reason shown for a disabled service.</param>
    /// <param name="ct">Cancels the call.</param>
    public Task UpdateHypervisorAsync(string idOrHostname, string? status = null, string? state = null, string? disabledReason = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, "control/hypervisors/" + Uri.EscapeDataString(idOrHostname), new { status, state, disabled_reason = disabledReason }, ct);

    /// <summary>
    /// Removes a node and its compute service. While servers run there this fails with 409, as nova's
    /// service delete does, unless <paramref name="deleteServers"/> deletes them first.
    /// </summary>
    public Task RemoveHypervisorAsync(string idOrHostname, bool deleteServers = false, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"control/hypervisors/{Uri.EscapeDataString(idOrHostname)}?delete_servers={(deleteServers ? "true" : "false")}", body: null, ct);

    /// <summary>Every node as nova's <c>os-hypervisors/detail</c> shows it to an admin at <paramref name="microversion"/> (2.1 when null), unpaged.</summary>
    public Task<IReadOnlyList<JsonElement>> GetHypervisorsAsync(string? microversion = null, CancellationToken ct = default) =>
        GetListAsync(WithMicroversion("control/hypervisors", microversion), "hypervisors", ct);

    /// <summary>The zones as nova's <c>os-availability-zone/detail</c> shows them to an admin ("internal" included).</summary>
    public Task<IReadOnlyList<JsonElement>> GetZonesAsync(CancellationToken ct = default) =>
        GetListAsync("control/zones", "availabilityZoneInfo", ct);
}
