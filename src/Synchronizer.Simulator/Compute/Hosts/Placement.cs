namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>Where the scheduler put an instance: the compute host and the zone of its aggregate.</summary>
internal readonly record struct Placement(string Host, string Zone);
