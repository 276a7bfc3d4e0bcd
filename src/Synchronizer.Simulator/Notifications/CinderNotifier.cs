using System.Globalization;
using System.Text.Json;
using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Compute.Hosts;

namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// Cinder's legacy notifications (volume_utils.notify_about_volume_usage): exchange "openstack" (cinder
/// keeps oslo's default control_exchange, REALSTACK.md), routing key notifications.info. The volume
/// service publishes as volume.&lt;backend host&gt;, cinder-api (update) as volume.&lt;api host&gt;.
/// </summary>
internal sealed class CinderNotifier
{
    private const string Exchange = "openstack";
    private const string RoutingKey = "notifications.info";
    private const string VolumePublisher = "volume." + BlockStorageCatalog.BackendHost;
    private const string ApiPublisher = "volume." + ComputeServices.ControllerHost;

    private readonly NotificationQueue _queue;
    private readonly NotificationContexts _contexts;
    private readonly TimeProvider _time;

    public CinderNotifier(NotificationQueue queue, NotificationContexts contexts, TimeProvider time)
    {
        _queue = queue;
        _contexts = contexts;
        _time = time;
    }

    public void Created(VolumeRecord volume)
    {
        if (_queue.Enabled)
        {
            var context = _contexts.For(volume.UserId, volume.ProjectId);
            Send(context, VolumePublisher, "volume.create.start", volume with { Status = "creating", LaunchedAt = null });
            Send(context, VolumePublisher, "volume.create.end", volume);
        }
    }

    /// <summary>An attach, detach or extend is the volume manager's; anything else is cinder-api's update.</summary>
    public void Updated(VolumeRecord before, VolumeRecord after)
    {
        if (!_queue.Enabled)
        {
            return;
        }

        var (action, publisher) = (before.Status, after.Status) switch
        {
            (not "in-use", "in-use") => ("attach", VolumePublisher),
            ("in-use", not "in-use") => ("detach", VolumePublisher),
            _ when after.Size > before.Size => ("resize", VolumePublisher),
            _ => ("update", ApiPublisher),
        };
        var context = _contexts.For(after.UserId, after.ProjectId);
        Send(context, publisher, $"volume.{action}.start", before);
        Send(context, publisher, $"volume.{action}.end", after);
    }

    /// <summary>delete.end carries status "deleted", which volume.destroy() sets before it is sent.</summary>
    public void Deleted(VolumeRecord before, VolumeRecord after)
    {
        if (_queue.Enabled)
        {
            var context = _contexts.For(after.UserId, after.ProjectId);
            Send(context, VolumePublisher, "volume.delete.start", before with { Status = "deleting" });
            Send(context, VolumePublisher, "volume.delete.end", after with { Status = "deleted" });
        }
    }

    private void Send(NotificationContext context, string publisher, string eventType, VolumeRecord volume)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var body = OsloEnvelope.Build(publisher, eventType, "INFO", now, w => WritePayload(w, volume, now), w => WriteContext(w, context, now));
        _queue.Enqueue(new NotificationMessage(Exchange, RoutingKey, body));
    }

    // _usage_from_volume (fixture cinder/notifications/volume.create.end.json); metadata is the
    // volume_metadata property, a list of {"key", "value"} (REALSTACK.md), not the fixture's mocked dict.
    private static void WritePayload(Utf8JsonWriter w, VolumeRecord v, DateTime now)
    {
        w.WriteStartObject();
        w.WriteString("tenant_id", v.ProjectId);
        w.WriteString("host", v.Host);
        w.WriteString("user_id", v.UserId);
        w.WriteString("availability_zone", v.AvailabilityZone);
        w.WriteString("volume_id", v.Id);
        w.WriteString("volume_type", v.VolumeType.Id);
        OsloEnvelope.WriteStringOrNull(w, "display_name", v.Name);
        w.WriteString("launched_at", IsoFormat(v.LaunchedAt ?? now));
        w.WriteString("created_at", IsoFormat(v.CreatedAt));
        w.WriteString("status", v.Status);
        w.WriteNull("snapshot_id");
        w.WriteNumber("size", v.Size);
        w.WriteString("replication_status", "disabled");
        w.WriteNull("replication_extended_status");
        w.WriteNull("replication_driver_data");
        w.WriteStartArray("metadata");
        foreach (var (key, value) in v.Metadata)
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteString("value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("volume_attachment");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // datetime.isoformat() of the object's timezone-aware UTC value; whole seconds print no fraction.
    private static string IsoFormat(DateTime value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    // cinder.context.RequestContext.to_dict() as sanitized by Debian's oslo.messaging (fixture cinder-volume.create.end).
    private static void WriteContext(Utf8JsonWriter w, NotificationContext c, DateTime now)
    {
        w.WriteString("_context_user", c.UserId);
        w.WriteString("_context_project_id", c.ProjectId);
        w.WriteNull("_context_system_scope");
        w.WriteString("_context_project", c.ProjectId);
        w.WriteNull("_context_domain");
        w.WriteNull("_context_user_domain");
        w.WriteNull("_context_project_domain");
        w.WriteBoolean("_context_is_admin", c.IsAdmin);
        w.WriteBoolean("_context_read_only", false);
        w.WriteBoolean("_context_show_deleted", false);
        w.WriteNull("_context_auth_token");
        w.WriteString("_context_request_id", c.RequestId);
        w.WriteNull("_context_global_request_id");
        w.WriteNull("_context_resource_uuid");
        OsloEnvelope.WriteStrings(w, "_context_roles", c.Roles);
        w.WriteString("_context_user_identity", $"{c.UserId} {c.ProjectId} - - -");
        w.WriteBoolean("_context_is_admin_project", true);
        w.WriteString("_context_user_id", c.UserId);
        w.WriteString("_context_project_name", c.ProjectName);
        w.WriteNull("_context_domain_id");
        w.WriteString("_context_read_deleted", "no");
        w.WriteNull("_context_remote_address");
        w.WriteString("_context_timestamp", OsloEnvelope.ContextTimestamp(now));
        w.WriteNull("_context_quota_class");
        w.WriteStartArray("_context_service_catalog");
        w.WriteEndArray();
        w.WriteNull("_context_message_resource_id");
        w.WriteNull("_context_message_resource_type");
        w.WriteNull("_context_message_action");
    }
}
