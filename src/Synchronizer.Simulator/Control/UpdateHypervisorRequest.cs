namespace Synchronizer.Simulator.Control;

/// <summary><c>PATCH /control/hypervisors/{id}</c>: <c>{"status"?: "enabled|disabled", "state"?: "up|down", "disabled_reason"?}</c>.</summary>
internal sealed record UpdateHypervisorRequest(string? Status = null, string? State = null, string? DisabledReason = null);
