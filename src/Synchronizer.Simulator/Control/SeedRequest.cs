namespace Synchronizer.Simulator.Control;

/// <summary><c>POST /control/servers/seed</c>: <c>{"count": N, "projects": K}</c>.</summary>
internal sealed record SeedRequest(int Count, int Projects = 1);
