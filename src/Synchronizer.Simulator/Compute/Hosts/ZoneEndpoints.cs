using System.Globalization;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>
/// <c>GET /compute/v2.1/os-availability-zone[/detail]</c>, as nova's AvailabilityZoneController builds it
/// from the services (fixtures nova/api_samples/os-availability-zone): zones of enabled services are
/// available, sorted by name; a zone whose services are all disabled is listed as not available.
/// </summary>
internal sealed class ZoneEndpoints
{
    private readonly NovaPipeline _pipeline;
    private readonly HypervisorStore _hypervisors;
    private readonly TimeProvider _time;

    public ZoneEndpoints(NovaPipeline pipeline, HypervisorStore hypervisors, TimeProvider time)
    {
        _pipeline = pipeline;
        _hypervisors = hypervisors;
        _time = time;
    }

    public Task ListAsync(HttpContext context) => _pipeline.RunAsync(context, r => WriteAsync(r.Context, detail: false));

    public Task ListDetailAsync(HttpContext context) => _pipeline.RunAsync(context, r =>
    {
        // The summary is open to every project member, the detail to admins only (nova's default policy).
        return r.Token.IsAdmin
            ? WriteAsync(r.Context, detail: true)
            : throw new NovaFaultException(StatusCodes.Status403Forbidden, "Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
    });

    /// <summary>The detail view, for the control API's ground truth.</summary>
    public void WriteDetail(Utf8JsonWriter w) => Write(w, detail: true);

    private Task WriteAsync(HttpContext context, bool detail) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w => Write(w, detail));

    private void Write(Utf8JsonWriter w, bool detail)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var services = ZoneServices.All(_hypervisors.All(), now);
        var available = services.Where(s => !s.Disabled).Select(s => s.Zone).Distinct().Order(StringComparer.Ordinal).ToList();
        var unavailable = services.Where(s => s.Disabled && !available.Contains(s.Zone)).Select(s => s.Zone).Distinct().Order(StringComparer.Ordinal);

        w.WriteStartObject();
        w.WriteStartArray("availabilityZoneInfo");
        foreach (var zone in available)
        {
            // The summary hides the internal zone and every host.
            if (!detail && zone == ComputeServices.InternalZone)
            {
                continue;
            }

            WriteZone(w, zone, true, detail ? services.Where(s => s.Zone == zone && !s.Disabled).ToList() : null);
        }

        foreach (var zone in unavailable.Where(z => detail || z != ComputeServices.InternalZone))
        {
            WriteZone(w, zone, false, hosts: null);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteZone(Utf8JsonWriter w, string zone, bool available, List<ZoneServices.Service>? hosts)
    {
        w.WriteStartObject();
        if (hosts is null)
        {
            w.WriteNull("hosts");
        }
        else
        {
            w.WriteStartObject("hosts");
            foreach (var host in hosts.GroupBy(s => s.Host).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(host.Key);
                foreach (var service in host)
                {
                    w.WriteStartObject(service.Binary);
                    w.WriteBoolean("available", service.Up);
                    w.WriteBoolean("active", !service.Disabled);
                    w.WriteString("updated_at", service.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteString("zoneName", zone);
        w.WriteStartObject("zoneState");
        w.WriteBoolean("available", available);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
