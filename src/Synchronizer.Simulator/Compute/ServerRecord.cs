namespace Synchronizer.Simulator.Compute;

/// <summary>
/// One instance, stored compactly as fields: an update makes a new record (<c>with</c>), so a page
/// being rendered never sees half a change. Values derivable from <see cref="Seq"/> (instance name,
/// reservation id, address, MAC) are computed when rendered instead of being stored.
/// </summary>
internal sealed record ServerRecord
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    /// <summary>Nova's internal autoincrement id: the tie-breaker of its created_at-desc, id-desc order.</summary>
    public required long Seq { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Set from the name at boot; renaming a server does not change it (nova).</summary>
    public required string Hostname { get; init; }

    public required string ProjectId { get; init; }

    public required string UserId { get; init; }

    /// <summary>Whole seconds, as in nova's MySQL DATETIME columns.</summary>
    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    public DateTime? LaunchedAt { get; init; }

    public DateTime? TerminatedAt { get; init; }

    public DateTime? DeletedAt { get; init; }

    public required string VmState { get; init; }

    public string? TaskState { get; init; }

    public required int PowerState { get; init; }

    public required FlavorSpec Flavor { get; init; }

    public required ImageSpec Image { get; init; }

    /// <summary>Null once shelved and offloaded: the instance then lives on no compute host.</summary>
    public string? Host { get; init; }

    /// <summary>The zone of the host's aggregate when the instance was scheduled; null while it has no host.</summary>
    public string? AvailabilityZone { get; init; }

    public string? PinnedAvailabilityZone { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = NoMetadata;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Description { get; init; }

    public ServerFault? Fault { get; init; }

    public bool Deleted => DeletedAt is not null;

    public string Status => ServerStates.StatusOf(VmState, TaskState, Deleted);
}
