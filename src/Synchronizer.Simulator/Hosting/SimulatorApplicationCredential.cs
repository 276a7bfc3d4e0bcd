namespace Synchronizer.Simulator.Hosting;

/// <summary>An application credential keystone accepts, as <c>{"application_credential": {"id", "secret"}}</c> (or by name and user).</summary>
/// <param name="Id">The credential's id; keystone's are 32 hex digits, any string works here.</param>
/// <param name="Secret">The secret; a wrong one is a 401.</param>
/// <param name="Username">The owner (the admin or the demo user); null for the admin user.</param>
/// <param name="Name">The credential's name, unique per user.</param>
public sealed record SimulatorApplicationCredential(string Id, string Secret, string? Username = null, string Name = "simulator");
