namespace Synchronizer.Simulator.Compute;

/// <summary>The image a server booted from; its properties show from microversion 2.98.</summary>
internal sealed record ImageSpec(string Id, string Name, IReadOnlyDictionary<string, string> Properties);
