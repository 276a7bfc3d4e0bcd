namespace Synchronizer.Simulator.Control;

/// <summary><c>POST /control/servers</c>: <c>{"name"?, "project_id"?, "status"?}</c>.</summary>
internal sealed record CreateServerRequest(string? Name = null, string? ProjectId = null, string? Status = null);
