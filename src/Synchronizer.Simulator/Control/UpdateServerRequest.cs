namespace Synchronizer.Simulator.Control;

/// <summary><c>PATCH /control/servers/{id}</c>: only the given fields change; metadata is replaced whole.</summary>
internal sealed record UpdateServerRequest(string? Name = null, string? Status = null, Dictionary<string, string>? Metadata = null);
