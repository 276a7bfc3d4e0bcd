using System.Text.Json;
using static Synchronizer.Simulator.Hosting.JsonValues;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// Renders a server in the order nova's views/servers.py builds its dict, with the fields each
/// microversion adds (fixtures nova/api_samples/servers/v2.1, v2.47, v2.96, v2.98, v2.100).
/// </summary>
internal static partial class ServerViewWriter
{
    public static void Write(Utf8JsonWriter w, ServerRecord s, ServerView view)
    {
        var status = s.Status;
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("status", status);
        w.WriteString("tenant_id", s.ProjectId);
        w.WriteString("user_id", s.UserId);
        WriteStringMap(w, "metadata", s.Metadata);
        w.WriteString("hostId", HostIds.For(s.ProjectId, s.Host));
        WriteImage(w, s.Image, view);
        WriteFlavor(w, s.Flavor, view);
        WriteIsoTime(w, "created", s.CreatedAt);
        WriteIsoTime(w, "updated", s.UpdatedAt);
        WriteAddresses(w, s);
        w.WriteString("accessIPv4", string.Empty);
        w.WriteString("accessIPv6", string.Empty);
        WriteLinks(w, s.Id, view);
        w.WriteString("OS-DCF:diskConfig", "MANUAL");
        if (status is "ERROR" or "DELETED" && s.Fault is { } fault)
        {
            WriteFault(w, fault, view);
        }

        if (status is "ACTIVE" or "BUILD" or "REBUILD" or "RESIZE" or "VERIFY_RESIZE" or "MIGRATING")
        {
            w.WriteNumber("progress", 0);
        }

        // get_instance_availability_zone: the host's zone; an instance without a host shows the zone it asked for, or "".
        w.WriteString("OS-EXT-AZ:availability_zone", s.AvailabilityZone ?? string.Empty);
        if (view.AtLeast(ServerView.PinnedZone))
        {
            WriteStringOrNull(w, "pinned_availability_zone", s.PinnedAvailabilityZone);
        }

        w.WriteString("config_drive", string.Empty);
        w.WriteNull("key_name");
        WriteNaiveTime(w, "OS-SRV-USG:launched_at", s.LaunchedAt);
        WriteNaiveTime(w, "OS-SRV-USG:terminated_at", s.TerminatedAt);
        if (view.IsShow)
        {
            WriteSecurityGroups(w);
        }

        if (view.IsAdmin)
        {
            WriteExtendedAttributes(w, s, view);
        }

        WriteStringOrNull(w, "OS-EXT-STS:task_state", s.TaskState);
        w.WriteString("OS-EXT-STS:vm_state", s.VmState);
        w.WriteNumber("OS-EXT-STS:power_state", s.PowerState);
        w.WriteStartArray("os-extended-volumes:volumes_attached");
        w.WriteEndArray();
        WriteMicroversionFields(w, s, view);

        // The list view adds security groups last, in one neutron call for the whole page.
        if (!view.IsShow)
        {
            WriteSecurityGroups(w);
        }

        w.WriteEndObject();
    }

    private static void WriteMicroversionFields(Utf8JsonWriter w, ServerRecord s, ServerView view)
    {
        if (view.IsAdmin && view.AtLeast(ServerView.HostStatus))
        {
            // compute_api.get_instance_host_status: "" for an instance without a host.
            w.WriteString("host_status", s.Host is null ? string.Empty : "UP");
        }

        if (view.AtLeast(ServerView.Locked))
        {
            w.WriteBoolean("locked", false);
        }

        if (view.AtLeast(ServerView.LockedReason))
        {
            w.WriteNull("locked_reason");
        }

        if (view.AtLeast(ServerView.Description))
        {
            WriteStringOrNull(w, "description", s.Description);
        }

        if (view.AtLeast(ServerView.Tags))
        {
            w.WriteStartArray("tags");
            foreach (var tag in s.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
        }

        if (view.AtLeast(ServerView.TrustedCertificates))
        {
            w.WriteNull("trusted_image_certificates");
        }

        // From 2.90 non-admins see the hostname too; admins already got it with the extended attributes.
        if (!view.IsAdmin && view.AtLeast(ServerView.PublicHostname))
        {
            w.WriteString("OS-EXT-SRV-ATTR:hostname", s.Hostname);
        }

        if (view.IsShow && view.AtLeast(ServerView.ServerGroups))
        {
            w.WriteStartArray("server_groups");
            w.WriteEndArray();
        }

        if (view.AtLeast(ServerView.SchedulerHints))
        {
            w.WriteStartObject("scheduler_hints");
            w.WriteEndObject();
        }
    }
}
