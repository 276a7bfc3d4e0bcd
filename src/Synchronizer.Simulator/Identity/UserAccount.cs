namespace Synchronizer.Simulator.Identity;

/// <summary>A keystone user with a password and its role assignments on one project.</summary>
internal sealed record UserAccount(
    string Id,
    string Name,
    string Password,
    DomainRecord Domain,
    ProjectRecord Project,
    IReadOnlyList<RoleRecord> Roles);
