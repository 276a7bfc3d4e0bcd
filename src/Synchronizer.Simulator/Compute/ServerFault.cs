namespace Synchronizer.Simulator.Compute;

/// <summary>An instance fault; nova shows the latest one on servers in ERROR (or DELETED).</summary>
internal sealed record ServerFault(int Code, string Message, string Details, DateTime CreatedAt);
