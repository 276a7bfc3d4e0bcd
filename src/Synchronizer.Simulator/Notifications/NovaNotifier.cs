using System.Text.Json;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Compute.Hosts;

namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// Nova's versioned notifications for each change (exchange "nova", routing key
/// versioned_notifications.info): the events REALSTACK.md observed per operation, in their order.
/// </summary>
internal sealed class NovaNotifier
{
    private const string Exchange = "nova";
    private const string RoutingKey = "versioned_notifications.info";

    private readonly NotificationQueue _queue;
    private readonly NotificationContexts _contexts;
    private readonly TimeProvider _time;

    public NovaNotifier(NotificationQueue queue, NotificationContexts contexts, TimeProvider time)
    {
        _queue = queue;
        _contexts = contexts;
        _time = time;
    }

    /// <summary>create.start while building, the update to its first state, create.end.</summary>
    public void Created(ServerRecord server)
    {
        if (!_queue.Enabled)
        {
            return;
        }

        var building = server with { VmState = "building", TaskState = "spawning", PowerState = ServerStates.NoState, LaunchedAt = null };
        var sequence = new Sequence(this, server);
        sequence.Send("instance.create.start", NovaPayloadKind.Create, building, before: null);
        sequence.Send("instance.update", NovaPayloadKind.Update, server, building);
        if (server.VmState != "error")
        {
            sequence.Send("instance.create.end", NovaPayloadKind.Create, server, before: null);
        }
    }

    /// <summary>A rename or new metadata is one instance.update; a status change is the action's start, update and end.</summary>
    public void Updated(ServerRecord before, ServerRecord after)
    {
        if (!_queue.Enabled)
        {
            return;
        }

        var sequence = new Sequence(this, after);
        if (before.Status == after.Status)
        {
            sequence.Send("instance.update", NovaPayloadKind.Update, after, before, "nova-api:" + ComputeServices.ControllerHost);
            return;
        }

        var (action, starts, ends) = ServerActions.For(before.Status, after.Status);
        if (action is not null && starts)
        {
            sequence.Send($"instance.{action}.start", NovaPayloadKind.Action, before, before: null);
        }

        sequence.Send("instance.update", NovaPayloadKind.Update, after, before);
        if (action is not null && ends)
        {
            sequence.Send($"instance.{action}.end", NovaPayloadKind.Action, after, before: null);
        }
    }

    /// <summary>delete.start, the guest's shutdown.start/end, delete.end (REALSTACK.md).</summary>
    public void Deleted(ServerRecord before, ServerRecord after)
    {
        if (!_queue.Enabled)
        {
            return;
        }

        var deleting = before with { TaskState = "deleting" };
        var sequence = new Sequence(this, after);
        sequence.Send("instance.delete.start", NovaPayloadKind.Action, deleting, before: null);
        sequence.Send("instance.shutdown.start", NovaPayloadKind.Action, deleting, before: null);
        sequence.Send("instance.shutdown.end", NovaPayloadKind.Action, deleting with { PowerState = ServerStates.Shutdown }, before: null);
        sequence.Send("instance.delete.end", NovaPayloadKind.Action, after, before: null);
    }

    /// <summary>
    /// service.create/update/delete (nova.objects.service's ServiceStatusNotification), sent when a compute
    /// service registers, is enabled, disabled, forced down or up, and deleted.
    /// </summary>
    public void ServiceChanged(string eventType, HypervisorRecord node)
    {
        if (!_queue.Enabled)
        {
            return;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var context = _contexts.Admin();
        var body = OsloEnvelope.Build(
            "nova-compute:" + node.Hostname,
            eventType,
            "INFO",
            now,
            w => ServicePayloadWriter.Write(w, node, now),
            w => Sequence.WriteContext(w, context, now));
        _queue.Enqueue(new NotificationMessage(Exchange, RoutingKey, body));
    }

    /// <summary>The events of one API request: one request id and one context, published by the instance's compute host.</summary>
    private sealed class Sequence
    {
        private readonly NovaNotifier _owner;
        private readonly NotificationContext _context;
        private readonly string _publisher;

        public Sequence(NovaNotifier owner, ServerRecord server)
        {
            _owner = owner;
            _context = owner._contexts.For(server.UserId, server.ProjectId);
            _publisher = "nova-compute:" + (server.Host ?? ComputeServices.ControllerHost);
        }

        public void Send(string eventType, NovaPayloadKind kind, ServerRecord server, ServerRecord? before, string? publisher = null)
        {
            var now = _owner._time.GetUtcNow().UtcDateTime;
            var body = OsloEnvelope.Build(
                publisher ?? _publisher,
                eventType,
                "INFO",
                now,
                w => NovaPayloadWriter.Write(w, kind, server, _context.RequestId, _context, before, now),
                w => WriteContext(w, _context, now));
            _owner._queue.Enqueue(new NotificationMessage(Exchange, RoutingKey, body));
        }

        // nova.context.RequestContext.to_dict(), as Debian's oslo.messaging sanitizes it (fixture nova-instance.update).
        public static void WriteContext(Utf8JsonWriter w, NotificationContext c, DateTime now)
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
            w.WriteString("_context_read_deleted", "no");
            w.WriteNull("_context_remote_address");
            w.WriteString("_context_timestamp", OsloEnvelope.ContextTimestamp(now));
            w.WriteNull("_context_quota_class");
            w.WriteString("_context_user_name", c.UserName);
            w.WriteStartArray("_context_service_catalog");
            w.WriteEndArray();
            w.WriteString("_context_project_name", c.ProjectName);
        }
    }
}
