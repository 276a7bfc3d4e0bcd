using System.Text.Json;
using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// Heat's notifications (heat.engine.notification.stack.send): exchange "heat", routing key
/// notifications.info, orchestration.stack.&lt;action&gt;.start while IN_PROGRESS and .end when done.
/// </summary>
internal sealed class HeatNotifier
{
    private const string Exchange = "heat";
    private const string Publisher = "orchestration." + ComputeServices.ControllerHost;

    private readonly NotificationQueue _queue;
    private readonly NotificationContexts _contexts;
    private readonly TimeProvider _time;

    public HeatNotifier(NotificationQueue queue, NotificationContexts contexts, TimeProvider time)
    {
        _queue = queue;
        _contexts = contexts;
        _time = time;
    }

    public void Created(StackRecord stack) => Changed(stack with { Action = "CREATE", Status = "IN_PROGRESS", StatusReason = "Stack CREATE started" }, stack);

    public void Updated(StackRecord after) =>
        Changed(after with { Action = after.Action, Status = "IN_PROGRESS", StatusReason = $"Stack {after.Action} started" }, after);

    public void Deleted(StackRecord before, StackRecord after) =>
        Changed(before with { Action = "DELETE", Status = "IN_PROGRESS", StatusReason = "Stack DELETE started" }, after);

    private void Changed(StackRecord started, StackRecord finished)
    {
        if (!_queue.Enabled)
        {
            return;
        }

        var context = _contexts.For(finished.UserId, finished.ProjectId);
        Send(context, started, "start");

        // A stack left IN_PROGRESS (by the control API) has not finished: no end event yet.
        if (finished.Status != "IN_PROGRESS")
        {
            Send(context, finished, finished.Status == "FAILED" ? "error" : "end");
        }
    }

    // A failed stack is notified at ERROR priority, so it goes to notifications.error.
    private void Send(NotificationContext context, StackRecord stack, string phase)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var priority = phase == "error" ? "ERROR" : "INFO";
        var eventType = $"orchestration.stack.{stack.Action.ToLowerInvariant()}.{phase}";
        var body = OsloEnvelope.Build(Publisher, eventType, priority, now, w => WritePayload(w, stack), w => WriteContext(w, context));
        _queue.Enqueue(new NotificationMessage(Exchange, "notifications." + priority.ToLowerInvariant(), body));
    }

    // engine.api.format_notification_body (fixture heat/notifications/orchestration.stack.create.end.json):
    // user_id is the user *name*, a deprecated quirk; user_identity is the id.
    private static void WritePayload(Utf8JsonWriter w, StackRecord s)
    {
        w.WriteStartObject();
        w.WriteString("tenant_id", s.ProjectId);
        w.WriteString("user_id", s.Username);
        w.WriteString("user_identity", s.UserId);
        w.WriteString("username", s.Username);
        w.WriteString("stack_identity", s.Id);
        w.WriteString("stack_name", s.Name);
        w.WriteString("state", s.StackStatus);
        w.WriteString("state_reason", s.StatusReason);
        w.WriteString("create_at", StackViewWriter.IsoTime(s.CreatedAt));
        if (s.Tags is null)
        {
            w.WriteNull("tags");
        }
        else
        {
            OsloEnvelope.WriteStrings(w, "tags", s.Tags);
        }

        OsloEnvelope.WriteStringOrNull(w, "updated_at", StackViewWriter.IsoTime(s.UpdatedAt));
        w.WriteString("description", s.Description);
        w.WriteEndObject();
    }

    // heat.common.context.RequestContext.to_dict() (fixture heat-orchestration.stack.create.end).
    private static void WriteContext(Utf8JsonWriter w, NotificationContext c)
    {
        w.WriteNull("_context_auth_token");
        w.WriteNull("_context_username");
        w.WriteString("_context_user_id", c.UserId);
        w.WriteNull("_context_password");
        w.WriteNull("_context_aws_creds");
        w.WriteString("_context_tenant", c.ProjectName);
        w.WriteString("_context_tenant_id", c.ProjectId);
        w.WriteString("_context_project_name", c.ProjectName);
        w.WriteString("_context_project_id", c.ProjectId);
        w.WriteNull("_context_trust_id");
        w.WriteNull("_context_trustor_user_id");
        w.WriteNull("_context_auth_token_info");
        w.WriteNull("_context_auth_url");
        OsloEnvelope.WriteStrings(w, "_context_roles", c.Roles);
        w.WriteBoolean("_context_is_admin", c.IsAdmin);
        w.WriteNull("_context_user");
        w.WriteString("_context_request_id", c.RequestId);
        w.WriteNull("_context_global_request_id");
        w.WriteBoolean("_context_show_deleted", false);
        w.WriteNull("_context_region_name");
        w.WriteString("_context_user_identity", $"{c.UserId} {c.ProjectId}");
        w.WriteNull("_context_user_domain_id");
        w.WriteNull("_context_project_domain_id");
    }
}
