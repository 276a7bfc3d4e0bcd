namespace Synchronizer.Simulator.Identity;

/// <summary>A keystone domain.</summary>
internal sealed record DomainRecord(string Id, string Name);
