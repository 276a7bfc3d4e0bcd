using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>A project-scoped token as keystone keeps it: who, where, which roles, and until when.</summary>
internal sealed record IssuedToken(
    string Id,
    UserAccount User,
    ProjectRecord Project,
    IReadOnlyList<string> Methods,
    string AuditId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Gets the application credential the token was issued for; null for a password token.</summary>
    public SimulatorApplicationCredential? ApplicationCredential { get; init; }

    public IReadOnlyList<RoleRecord> Roles => User.Roles;

    public bool IsAdmin => Roles.Any(r => r.Name == "admin");
}
