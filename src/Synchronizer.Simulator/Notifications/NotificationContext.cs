namespace Synchronizer.Simulator.Notifications;

/// <summary>Who made a change, as the service's RequestContext records it in the <c>_context_*</c> keys.</summary>
internal sealed record NotificationContext(
    string UserId,
    string UserName,
    string ProjectId,
    string ProjectName,
    IReadOnlyList<string> Roles,
    bool IsAdmin,
    string RequestId);
