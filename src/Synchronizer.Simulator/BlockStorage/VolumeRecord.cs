using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>
/// One cinder volume, immutable: an update makes a new record. Deleted volumes stay as tombstones
/// (status "deleted"), but cinder never shows them, nor accepts them as a marker.
/// </summary>
internal sealed record VolumeRecord : IStoredResource
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    public required string Id { get; init; }

    /// <summary>display_name; cinder allows none.</summary>
    public string? Name { get; init; }

    public string? Description { get; init; }

    public required string ProjectId { get; init; }

    public required string UserId { get; init; }

    public required int Size { get; init; }

    public required string Status { get; init; }

    public required string AvailabilityZone { get; init; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    /// <summary>Set when the volume first became available (cinder's launched_at, seen in notifications).</summary>
    public DateTime? LaunchedAt { get; init; }

    public DateTime? DeletedAt { get; init; }

    public bool Bootable { get; init; }

    public required VolumeTypeSpec VolumeType { get; init; }

    /// <summary>The backend, host@backend#pool.</summary>
    public required string Host { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = NoMetadata;

    public bool Deleted => DeletedAt is not null;
}
