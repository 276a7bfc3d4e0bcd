namespace Synchronizer.Simulator.Hosting;

/// <summary>How a <see cref="SimulatorServer"/> is set up: accounts, limits, seed data and where it listens.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Gets the admin user's name. The default value is <c>admin</c>.</summary>
    public string Username { get; init; } = SimulatorDefaults.Username;

    /// <summary>Gets the admin user's password. The default value is <c>secret</c>.</summary>
    public string Password { get; init; } = SimulatorDefaults.Password;

    /// <summary>Gets the admin user's project. The default value is <c>admin</c>.</summary>
    public string ProjectName { get; init; } = SimulatorDefaults.ProjectName;

    /// <summary>Gets the domain of users and projects. The default value is <c>Default</c> (id <c>default</c>).</summary>
    public string DomainName { get; init; } = SimulatorDefaults.DomainName;

    /// <summary>Gets the non-admin user's name (roles member and reader). The default value is <c>demo</c>.</summary>
    public string DemoUsername { get; init; } = SimulatorDefaults.DemoUsername;

    /// <summary>Gets the non-admin user's password. The default value is <c>demo</c>.</summary>
    public string DemoPassword { get; init; } = SimulatorDefaults.DemoPassword;

    /// <summary>Gets the non-admin user's project. The default value is <c>demo</c>.</summary>
    public string DemoProjectName { get; init; } = SimulatorDefaults.DemoProjectName;

    /// <summary>Gets how long an issued token stays valid. The default value is one hour.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(SimulatorDefaults.TokenLifetimeSeconds);

    /// <summary>Gets the largest page a list call returns (nova's <c>[api] max_limit</c>). The default value is 1000.</summary>
    public int MaxLimit { get; init; } = SimulatorDefaults.MaxLimit;

    /// <summary>Gets how many servers exist at start-up. The default value is 0.</summary>
    public int SeedServers { get; init; }

    /// <summary>Gets over how many projects the seeded servers, volumes and stacks are spread (the first is the admin project). The default value is 1.</summary>
    public int SeedProjects { get; init; } = 1;

    /// <summary>Gets how many cinder volumes exist at start-up. The default value is 0.</summary>
    public int SeedVolumes { get; init; }

    /// <summary>Gets how many heat stacks exist at start-up. The default value is 0.</summary>
    public int SeedStacks { get; init; }

    /// <summary>
    /// Gets how many compute nodes (hypervisors, named sim-compute-N, zone "nova") exist at start-up;
    /// servers are scheduled onto them. The default value is 4.
    /// </summary>
    public int SeedHypervisors { get; init; } = SimulatorDefaults.Hypervisors;

    /// <summary>
    /// Gets the application credentials keystone accepts (method <c>application_credential</c>); a token
    /// issued for one is scoped to its owner's project, with its owner's roles. The default value is none.
    /// </summary>
    public IReadOnlyList<SimulatorApplicationCredential> ApplicationCredentials { get; init; } = [];

    /// <summary>
    /// Gets the oslo transport_url (<c>rabbit://user:pass@host:port/vhost</c>) to publish the services'
    /// own notifications to, as nova, cinder and heat do; null publishes nothing. The default value is null.
    /// </summary>
    public string? NotificationsTransportUrl { get; init; }

    /// <summary>Gets the random changes per second made from start-up (0 = none). The default value is 0.</summary>
    public double ChurnPerSecond { get; init; }

    /// <summary>Gets the TCP port; 0 picks a free one. The default value is 0.</summary>
    public int Port { get; init; }

    /// <summary>Gets the address to listen on. The default value is <c>127.0.0.1</c>.</summary>
    public string Host { get; init; } = SimulatorDefaults.Host;

    /// <summary>Gets the seed of the generator behind seeding and churn, for repeatable runs; null picks one. The default value is null.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Gets the clock behind timestamps, token expiry and churn. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Username);
        ArgumentException.ThrowIfNullOrEmpty(Password);
        ArgumentException.ThrowIfNullOrWhiteSpace(ProjectName);
        ArgumentException.ThrowIfNullOrWhiteSpace(DomainName);
        ArgumentException.ThrowIfNullOrWhiteSpace(DemoUsername);
        ArgumentException.ThrowIfNullOrWhiteSpace(DemoProjectName);
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLimit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(SeedServers);
        ArgumentOutOfRangeException.ThrowIfLessThan(SeedProjects, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(SeedVolumes);
        ArgumentOutOfRangeException.ThrowIfNegative(SeedStacks);
        ArgumentOutOfRangeException.ThrowIfNegative(SeedHypervisors);
        ArgumentNullException.ThrowIfNull(ApplicationCredentials);
        foreach (var credential in ApplicationCredentials)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(credential.Id);
            ArgumentException.ThrowIfNullOrEmpty(credential.Secret);
            if (credential.Username is { } owner && owner != Username && owner != DemoUsername)
            {
                throw new ArgumentException($"Application credential {credential.Id} belongs to unknown user '{owner}'.", nameof(ApplicationCredentials));
            }
        }

        if (NotificationsTransportUrl is not null)
        {
            _ = Notifications.OsloTransportUrl.Parse(NotificationsTransportUrl);
        }
        ArgumentOutOfRangeException.ThrowIfNegative(ChurnPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        if (string.Equals(Username, DemoUsername, StringComparison.Ordinal))
        {
            throw new ArgumentException("The admin and demo users need different names.", nameof(DemoUsername));
        }
    }
}
