namespace Synchronizer.Simulator.Control;

/// <summary><c>POST /control/stacks</c>: <c>{"name"?, "project_id"?, "stack_status"?}</c>.</summary>
internal sealed record CreateStackRequest(string? Name = null, string? ProjectId = null, string? StackStatus = null);
