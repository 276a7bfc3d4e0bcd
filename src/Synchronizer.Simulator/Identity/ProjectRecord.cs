namespace Synchronizer.Simulator.Identity;

/// <summary>A keystone project.</summary>
internal sealed record ProjectRecord(string Id, string Name, DomainRecord Domain);
