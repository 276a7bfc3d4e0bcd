namespace Synchronizer.Simulator.Control;

/// <summary><c>PATCH /control/volumes/{id}</c>: only the given fields change; metadata is replaced whole.</summary>
internal sealed record UpdateVolumeRequest(string? Name = null, string? Status = null, int? Size = null, Dictionary<string, string>? Metadata = null);
