using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>
/// The control API's compute host calls: add, change and remove hypervisors, and the ground truth of
/// <c>os-hypervisors/detail</c> and <c>os-availability-zone/detail</c> as nova shows them to an admin.
/// </summary>
internal sealed class HypervisorControlEndpoints
{
    private const string Kind = "Hypervisor";

    private readonly HypervisorOperations _operations;
    private readonly HypervisorStore _store;
    private readonly ServerStore _servers;
    private readonly ZoneEndpoints _zones;
    private readonly TimeProvider _time;

    public HypervisorControlEndpoints(HypervisorOperations operations, HypervisorStore store, ServerStore servers, ZoneEndpoints zones, TimeProvider time)
    {
        _operations = operations;
        _store = store;
        _servers = servers;
        _zones = zones;
        _time = time;
    }

    public Task CreateAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<CreateHypervisorRequest>(context.Request, context.RequestAborted);
        var node = _operations.Add(request.Hostname, request.Zone, request.Vcpus, request.MemoryMb, request.LocalGb);
        await WriteNodeAsync(context, StatusCodes.Status201Created, node);
    });

    public Task UpdateAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<UpdateHypervisorRequest>(context.Request, context.RequestAborted);
        var node = _operations.Update(Id(context), request.Status, request.State, request.DisabledReason);
        await (node is null ? ControlErrors.NotFoundAsync(context, Id(context), Kind) : WriteNodeAsync(context, StatusCodes.Status200OK, node));
    });

    /// <summary><c>DELETE /control/hypervisors/{id}?delete_servers=true</c>: 409 while servers run there, unless they go too.</summary>
    public Task DeleteAsync(HttpContext context) => ControlErrors.GuardAsync(context, () =>
    {
        var deleteServers = string.Equals(context.Request.Query["delete_servers"], "true", StringComparison.OrdinalIgnoreCase);
        if (_operations.Remove(Id(context), deleteServers) is null)
        {
            return ControlErrors.NotFoundAsync(context, Id(context), Kind);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    });

    /// <summary><c>GET /control/hypervisors</c>: every node as os-hypervisors/detail shows it at 2.1 (or <c>?microversion=2.X</c>), unpaged.</summary>
    public Task ListAsync(HttpContext context) => ControlErrors.GuardAsync(context, () =>
    {
        var version = ControlStreams.Microversion(context, ComputeMicroversions.Min);
        var usage = _servers.UsageByHost();
        var now = _time.GetUtcNow().UtcDateTime;
        return ControlStreams.WriteArrayAsync(
            context, "hypervisors", _store.All(), (w, n) => HypervisorViewWriter.Write(w, n, usage.GetValueOrDefault(n.Hostname), version, detail: true, now, servers: null));
    });

    /// <summary><c>GET /control/zones</c>: the body of os-availability-zone/detail.</summary>
    public Task ZonesAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, _zones.WriteDetail);

    private static string Id(HttpContext context) => (string)context.GetRouteValue("id")!;

    // The node at 2.53 (UUID ids) plus its integer id, so a test can address it either way.
    private Task WriteNodeAsync(HttpContext context, int status, HypervisorRecord node)
    {
        var usage = _servers.UsageByHost().GetValueOrDefault(node.Hostname);
        var now = _time.GetUtcNow().UtcDateTime;
        return JsonResponses.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", node.Uuid);
            w.WriteNumber("legacy_id", node.Id);
            w.WriteString("hostname", node.Hostname);
            w.WriteString("zone", node.Zone);
            w.WritePropertyName("hypervisor");
            HypervisorViewWriter.Write(w, node, usage, HypervisorVersions.Uuids, detail: true, now, servers: null);
            w.WriteEndObject();
        });
    }
}
