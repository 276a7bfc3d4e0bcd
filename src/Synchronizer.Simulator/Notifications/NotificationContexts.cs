using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Notifications;

/// <summary>The request context of a change: the resource's owner, as if the owner had asked for it.</summary>
internal sealed class NotificationContexts
{
    private readonly IdentityDirectory _directory;

    public NotificationContexts(IdentityDirectory directory)
    {
        _directory = directory;
    }

    /// <summary>The admin in the admin project, for operators' changes such as enabling a compute service.</summary>
    public NotificationContext Admin() => For(_directory.Admin.Id, _directory.Admin.Project.Id);

    public NotificationContext For(string userId, string projectId)
    {
        var user = _directory.FindUserById(userId) ?? _directory.Admin;
        var project = _directory.FindProjectById(projectId);
        return new NotificationContext(
            user.Id,
            user.Name,
            projectId,
            project?.Name ?? projectId,
            [.. user.Roles.Select(r => r.Name)],
            user.Roles.Any(r => r.Name == "admin"),
            RequestUrls.NewRequestId());
    }
}
