using System.Globalization;
using System.Text.Json;
using Synchronizer.Simulator.Compute;

namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// Writes nova's versioned instance payloads with the keys, in the order, of the resolved notification
/// samples (fixtures nova/notification_samples_resolved: instance-create-end, instance-update,
/// instance-delete-end, instance-power_off-end).
/// </summary>
internal static class NovaPayloadWriter
{
    public static void Write(Utf8JsonWriter w, NovaPayloadKind kind, ServerRecord s, string requestId, NotificationContext context, ServerRecord? before, DateTime now)
    {
        var (instanceName, reservationId, fixedIp, mac) = ServerIdentity.Texts(s.Seq);
        w.WriteStartObject();
        w.WriteStartObject("nova_object.data");
        w.WriteString("architecture", "x86_64");
        OsloEnvelope.WriteStringOrNull(w, "availability_zone", s.AvailabilityZone);
        w.WriteStartArray("block_devices");
        w.WriteEndArray();
        WriteTime(w, "created_at", s.CreatedAt);
        WriteTime(w, "deleted_at", s.DeletedAt);
        w.WriteString("display_name", s.Name);
        OsloEnvelope.WriteStringOrNull(w, "display_description", s.Description);
        OsloEnvelope.WriteStringOrNull(w, "host", s.Host);
        w.WriteString("host_name", s.Hostname);
        WriteAddresses(w, s, fixedIp, mac);
        w.WriteString("kernel_id", string.Empty);
        w.WriteNull("key_name");
        WriteTime(w, "launched_at", s.LaunchedAt);
        w.WriteString("image_uuid", s.Image.Id);
        w.WriteStartObject("metadata");
        foreach (var (key, value) in s.Metadata)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteBoolean("locked", false);
        OsloEnvelope.WriteStringOrNull(w, "node", s.Host);
        w.WriteNull("os_type");
        w.WriteNumber("progress", 0);
        w.WriteString("ramdisk_id", string.Empty);
        w.WriteString("reservation_id", reservationId);
        w.WriteString("state", s.VmState);
        OsloEnvelope.WriteStringOrNull(w, "task_state", s.TaskState);
        w.WriteString("power_state", PowerState(s.PowerState));
        w.WriteString("tenant_id", s.ProjectId);
        WriteTime(w, "terminated_at", s.TerminatedAt);
        w.WriteString("auto_disk_config", "MANUAL");
        WriteFlavor(w, s.Flavor);
        WriteTime(w, "updated_at", s.UpdatedAt);
        w.WriteString("user_id", s.UserId);
        w.WriteString("uuid", s.Id);
        w.WriteString("request_id", requestId);
        w.WriteString("action_initiator_user", context.UserId);
        w.WriteString("action_initiator_project", context.ProjectId);
        w.WriteNull("locked_reason");
        w.WriteStartArray("shares");
        w.WriteEndArray();
        WriteKindFields(w, kind, s, instanceName, before, now);
        w.WriteEndObject();
        var (name, version) = kind switch
        {
            NovaPayloadKind.Create => ("InstanceCreatePayload", "1.13"),
            NovaPayloadKind.Update => ("InstanceUpdatePayload", "2.1"),
            _ => ("InstanceActionPayload", "1.9"),
        };
        w.WriteString("nova_object.name", name);
        w.WriteString("nova_object.namespace", "nova");
        w.WriteString("nova_object.version", version);
        w.WriteEndObject();
    }

    private static void WriteKindFields(Utf8JsonWriter w, NovaPayloadKind kind, ServerRecord s, string instanceName, ServerRecord? before, DateTime now)
    {
        if (kind != NovaPayloadKind.Update)
        {
            // The fault is an ExceptionPayload; the simulator's faults come from the scheduler, never from a compute action.
            w.WriteNull("fault");
        }

        if (kind == NovaPayloadKind.Create)
        {
            w.WriteStartArray("keypairs");
            w.WriteEndArray();
            WriteTags(w, s);
            w.WriteNull("trusted_image_certificates");
            w.WriteString("instance_name", instanceName);
        }

        if (kind == NovaPayloadKind.Update)
        {
            WriteObject(w, "audit_period", "AuditPeriodPayload", "1.0", () =>
            {
                WriteTime(w, "audit_period_beginning", new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc));
                WriteTime(w, "audit_period_ending", now);
            });
            OsloEnvelope.WriteStringOrNull(w, "old_display_name", before is not null && before.Name != s.Name ? before.Name : null);
            WriteObject(w, "state_update", "InstanceStateUpdatePayload", "1.0", () =>
            {
                OsloEnvelope.WriteStringOrNull(w, "new_task_state", s.TaskState);
                w.WriteString("old_state", (before ?? s).VmState);
                OsloEnvelope.WriteStringOrNull(w, "old_task_state", (before ?? s).TaskState);
                w.WriteString("state", s.VmState);
            });
            WriteTags(w, s);
        }
    }

    private static void WriteAddresses(Utf8JsonWriter w, ServerRecord s, string fixedIp, string mac)
    {
        w.WriteStartArray("ip_addresses");
        if (ServerIdentity.HasAddresses(s))
        {
            var port = ServerIdentity.PortId(s.Id);
            w.WriteStartObject();
            w.WriteString("nova_object.name", "IpPayload");
            w.WriteString("nova_object.namespace", "nova");
            w.WriteString("nova_object.version", "1.0");
            w.WriteStartObject("nova_object.data");
            w.WriteString("mac", mac);
            w.WriteString("address", fixedIp);
            w.WriteString("port_uuid", port);
            w.WriteStartObject("meta");
            w.WriteEndObject();
            w.WriteNumber("version", 4);
            w.WriteString("label", ComputeCatalog.NetworkName);
            w.WriteString("device_name", "tap" + port[..11]);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFlavor(Utf8JsonWriter w, FlavorSpec flavor)
    {
        w.WriteStartObject("flavor");
        w.WriteString("nova_object.name", "FlavorPayload");
        w.WriteStartObject("nova_object.data");
        w.WriteString("flavorid", flavor.Id);
        w.WriteString("name", flavor.Name);
        w.WriteNumber("root_gb", flavor.DiskGb);
        w.WriteNumber("vcpus", flavor.Vcpus);
        w.WriteNumber("ephemeral_gb", flavor.EphemeralGb);
        w.WriteNumber("memory_mb", flavor.RamMb);
        w.WriteBoolean("disabled", false);
        w.WriteNumber("rxtx_factor", 1.0);
        w.WriteStartObject("extra_specs");
        foreach (var (key, value) in flavor.ExtraSpecs)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteNull("projects");
        w.WriteNumber("swap", flavor.Swap);
        w.WriteBoolean("is_public", true);
        w.WriteNumber("vcpu_weight", 0);
        w.WriteNull("description");
        w.WriteEndObject();
        w.WriteString("nova_object.version", "1.4");
        w.WriteString("nova_object.namespace", "nova");
        w.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter w, string property, string name, string version, Action writeData)
    {
        w.WriteStartObject(property);
        w.WriteStartObject("nova_object.data");
        writeData();
        w.WriteEndObject();
        w.WriteString("nova_object.name", name);
        w.WriteString("nova_object.namespace", "nova");
        w.WriteString("nova_object.version", version);
        w.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter w, ServerRecord s) => OsloEnvelope.WriteStrings(w, "tags", s.Tags);

    // fields.InstancePowerState: the integer power states as the payload's enum strings.
    private static string PowerState(int value) => value switch
    {
        1 => "running",
        3 => "paused",
        4 => "shutdown",
        6 => "crashed",
        7 => "suspended",
        _ => "pending",
    };

    // DateTimeField in a payload: isoformat with a Z, whole seconds as in the database.
    internal static void WriteTime(Utf8JsonWriter w, string name, DateTime? value) =>
        OsloEnvelope.WriteStringOrNull(w, name, value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
