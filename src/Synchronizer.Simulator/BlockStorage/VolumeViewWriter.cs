using System.Text.Json;
using Synchronizer.Simulator.Compute;
using static Synchronizer.Simulator.Hosting.JsonValues;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>
/// Renders a volume as cinder's v3 ViewBuilder.detail does, then the admin and tenant extensions
/// (fixtures cinder/api_samples/volumes v3.0 and v3.69, recorded as admin).
/// </summary>
internal static class VolumeViewWriter
{
    public static void Write(Utf8JsonWriter w, VolumeRecord v, VolumeView view)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Id);
        w.WriteString("status", v.Status);
        w.WriteNumber("size", v.Size);
        w.WriteString("availability_zone", v.AvailabilityZone);
        WriteNaiveTime(w, "created_at", v.CreatedAt);
        WriteNaiveTime(w, "updated_at", v.UpdatedAt);
        WriteStringOrNull(w, "name", v.Name);
        WriteStringOrNull(w, "description", v.Description);
        w.WriteString("volume_type", v.VolumeType.Name);
        w.WriteNull("snapshot_id");
        w.WriteNull("source_volid");
        WriteStringMap(w, "metadata", v.Metadata);
        WriteLinks(w, v.Id, view);
        w.WriteString("user_id", v.UserId);
        w.WriteString("bootable", v.Bootable ? "true" : "false");
        w.WriteBoolean("encrypted", false);

        // A volume type without replication gets "disabled" when the volume is created.
        w.WriteString("replication_status", "disabled");
        w.WriteNull("consistencygroup_id");
        w.WriteBoolean("multiattach", false);
        w.WriteStartArray("attachments");
        w.WriteEndArray();
        if (view.IsAdmin)
        {
            w.WriteNull("migration_status");
        }

        WriteMicroversionFields(w, v, view);
        WriteExtensions(w, v, view);
        w.WriteEndObject();
    }

    /// <summary>The summary view of <c>GET /volumes</c>: id, name and links.</summary>
    public static void WriteSummary(Utf8JsonWriter w, VolumeRecord v, VolumeView view)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Id);
        WriteStringOrNull(w, "name", v.Name);
        WriteLinks(w, v.Id, view);
        w.WriteEndObject();
    }

    private static void WriteMicroversionFields(Utf8JsonWriter w, VolumeRecord v, VolumeView view)
    {
        if (view.AtLeast(VolumeView.GroupId))
        {
            w.WriteNull("group_id");
        }

        if (view.IsAdmin && view.AtLeast(VolumeView.ProviderId))
        {
            w.WriteNull("provider_id");
        }

        if (view.AtLeast(VolumeView.SharedTargets))
        {
            // The LVM backend does not share targets between volumes.
            w.WriteBoolean("shared_targets", false);
            w.WriteString("service_uuid", BlockStorageCatalog.ServiceUuid);
        }

        if (view.IsAdmin && view.AtLeast(VolumeView.ClusterName))
        {
            w.WriteNull("cluster_name");
        }

        if (view.AtLeast(VolumeView.VolumeTypeId))
        {
            w.WriteString("volume_type_id", v.VolumeType.Id);
        }

        if (view.AtLeast(VolumeView.ConsumesQuota))
        {
            w.WriteBoolean("consumes_quota", true);
        }
    }

    // The controller extensions run after the view: tenant attribute (project readers), host and
    // migration status (admins), image metadata (volumes created from an image).
    private static void WriteExtensions(Utf8JsonWriter w, VolumeRecord v, VolumeView view)
    {
        w.WriteString("os-vol-tenant-attr:tenant_id", v.ProjectId);
        if (view.IsAdmin)
        {
            w.WriteString("os-vol-host-attr:host", v.Host);
            w.WriteNull("os-vol-mig-status-attr:migstat");
            w.WriteNull("os-vol-mig-status-attr:name_id");
        }

        if (v.Bootable)
        {
            var image = ComputeCatalog.Image;
            w.WriteStartObject("volume_image_metadata");
            w.WriteString("image_id", image.Id);
            w.WriteString("image_name", image.Name);
            w.WriteString("checksum", "c8fc807773e5354afe61636071771906");
            w.WriteString("container_format", "bare");
            w.WriteString("disk_format", "qcow2");
            w.WriteString("min_disk", "0");
            w.WriteString("min_ram", "0");
            w.WriteString("size", "21430272");
            w.WriteEndObject();
        }
    }

    private static void WriteLinks(Utf8JsonWriter w, string id, VolumeView view)
    {
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("href", view.VersionedUrl + "/volumes/" + id);
        w.WriteString("rel", "self");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("href", view.BookmarkUrl + "/volumes/" + id);
        w.WriteString("rel", "bookmark");
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
