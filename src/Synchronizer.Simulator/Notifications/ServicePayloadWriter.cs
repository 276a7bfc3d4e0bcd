using System.Text.Json;
using Synchronizer.Simulator.Compute.Hosts;

namespace Synchronizer.Simulator.Notifications;

/// <summary>Nova's ServiceStatusPayload, sent with service.create/update/delete for a compute node's service.</summary>
internal static class ServicePayloadWriter
{
    /// <summary>ServiceStatusPayload 1.1 for a node's nova-compute service.</summary>
    public static void Write(Utf8JsonWriter w, HypervisorRecord node, DateTime now)
    {
        w.WriteStartObject();
        w.WriteStartObject("nova_object.data");
        w.WriteString("host", node.Hostname);
        w.WriteString("binary", "nova-compute");
        w.WriteString("topic", "compute");

        // One report every 10 seconds since the service started.
        w.WriteNumber("report_count", Math.Max(0, (long)((node.LastReport(now) - node.CreatedAt).TotalSeconds / 10)));
        w.WriteBoolean("disabled", node.Disabled);
        OsloEnvelope.WriteStringOrNull(w, "disabled_reason", node.DisabledReason);
        w.WriteString("availability_zone", node.Zone);
        NovaPayloadWriter.WriteTime(w, "last_seen_up", node.LastReport(now));
        w.WriteBoolean("forced_down", !node.Up);
        // nova.objects.service.SERVICE_VERSION of Zed (python3-nova 26.2.2).
        w.WriteNumber("version", 64);
        w.WriteString("uuid", node.ServiceUuid);
        w.WriteEndObject();
        w.WriteString("nova_object.name", "ServiceStatusPayload");
        w.WriteString("nova_object.namespace", "nova");
        w.WriteString("nova_object.version", "1.1");
        w.WriteEndObject();
    }
}
