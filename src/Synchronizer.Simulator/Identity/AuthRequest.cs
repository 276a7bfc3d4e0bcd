using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>Who a token request proved to be, where its token is scoped, and by which method.</summary>
internal sealed record AuthRequest(UserAccount User, ProjectRecord Project, string Method, SimulatorApplicationCredential? ApplicationCredential = null);
