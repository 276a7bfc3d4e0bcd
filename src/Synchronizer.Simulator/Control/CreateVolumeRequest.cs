namespace Synchronizer.Simulator.Control;

/// <summary><c>POST /control/volumes</c>: <c>{"name"?, "project_id"?, "size"?, "status"?}</c>.</summary>
internal sealed record CreateVolumeRequest(string? Name = null, string? ProjectId = null, int? Size = null, string? Status = null);
