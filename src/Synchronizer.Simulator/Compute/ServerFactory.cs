using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary>Builds new instances with the fields a fake-driver nova would give them.</summary>
internal sealed class ServerFactory
{
    private static readonly Dictionary<string, string> SeedMetadata = new() { ["seed"] = "simulator" };

    private readonly SimulatorRandom _random;
    private readonly HypervisorStore _hypervisors;

    public ServerFactory(SimulatorRandom random, HypervisorStore hypervisors)
    {
        _random = random;
        _hypervisors = hypervisors;
    }

    /// <summary>The scheduler's choice: a random enabled, live compute node; null when there is none.</summary>
    public Placement? PickHost() => _random.Use(_hypervisors.PickForNewServer);

    /// <summary>A server that finished booting at <paramref name="launchedAt"/>, then moved to <paramref name="status"/>.</summary>
    public ServerRecord Create(string? name, string projectId, string userId, string status, DateTime launchedAt)
    {
        var id = _random.NewGuid().ToString("D");
        name ??= "server-" + id[..8];
        var flavor = _random.Use(r => ComputeCatalog.Flavors[r.Next(ComputeCatalog.Flavors.Count)]);

        // The fake driver brings an instance up a few seconds after the API accepted it (REALSTACK.md:
        // created 01:52:20, launched and updated 01:52:28); nothing is dated in the future.
        var launched = launchedAt;
        var createdAt = launched.AddSeconds(-8);
        var placement = PickHost();
        var active = new ServerRecord
        {
            Seq = 0,
            Id = id,
            Name = name,
            Hostname = Hostnames.FromDisplayName(name),
            ProjectId = projectId,
            UserId = userId,
            CreatedAt = createdAt,
            UpdatedAt = launched,
            LaunchedAt = launched,
            VmState = "active",
            PowerState = ServerStates.Running,
            Flavor = flavor,
            Image = ComputeCatalog.Image,
            Host = placement?.Host,
            AvailabilityZone = placement?.Zone,
            PinnedAvailabilityZone = null,
            Metadata = SeedMetadata,
        };
        if (placement is null)
        {
            // No valid host: nova puts the instance in ERROR with a NoValidHost fault and no host.
            return ServerMutations.WithStatus(active with { LaunchedAt = null, PowerState = ServerStates.NoState }, "ERROR", launched, placement: null);
        }

        if (status.Equals("ACTIVE", StringComparison.OrdinalIgnoreCase))
        {
            return active;
        }

        // Still building, or failed to build: it never ran, so it has no launched_at.
        var neverRan = status.Equals("BUILD", StringComparison.OrdinalIgnoreCase) || status.Equals("ERROR", StringComparison.OrdinalIgnoreCase);
        return ServerMutations.WithStatus(neverRan ? active with { LaunchedAt = null } : active, status, launched, placement);
    }
}
