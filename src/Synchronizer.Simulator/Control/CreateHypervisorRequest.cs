namespace Synchronizer.Simulator.Control;

/// <summary><c>POST /control/hypervisors</c>: <c>{"hostname"?, "zone"?, "vcpus"?, "memory_mb"?, "local_gb"?}</c>.</summary>
internal sealed record CreateHypervisorRequest(string? Hostname = null, string? Zone = null, int? Vcpus = null, int? MemoryMb = null, int? LocalGb = null);
