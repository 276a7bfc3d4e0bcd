namespace Synchronizer.Simulator.Identity;

/// <summary>A keystone role.</summary>
internal sealed record RoleRecord(string Id, string Name);
