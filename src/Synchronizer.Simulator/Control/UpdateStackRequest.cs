namespace Synchronizer.Simulator.Control;

/// <summary><c>PATCH /control/stacks/{id}</c>: a stack update, UPDATE_COMPLETE unless <c>stack_status</c> says otherwise.</summary>
internal sealed record UpdateStackRequest(string? StackStatus = null, List<string>? Tags = null);
