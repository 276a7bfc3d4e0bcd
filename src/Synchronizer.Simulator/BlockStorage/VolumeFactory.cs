using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>Builds new volumes as an LVM-backed cinder would hold them once created.</summary>
internal sealed class VolumeFactory
{
    private static readonly int[] Sizes = [1, 1, 1, 2, 5, 10, 10, 20, 50, 100];

    private readonly SimulatorRandom _random;

    public VolumeFactory(SimulatorRandom random)
    {
        _random = random;
    }

    /// <summary>A volume that finished creating at <paramref name="createdAt"/> (cinder saves the status change in the same second).</summary>
    public VolumeRecord Create(string? name, string projectId, string userId, int? size, string status, DateTime createdAt)
    {
        var id = _random.NewGuid().ToString("D");
        var (pick, bootable) = _random.Use(r => (r.Next(Sizes.Length), r.Next(4) == 0));
        return new VolumeRecord
        {
            Id = id,
            Name = name ?? "volume-" + id[..8],
            ProjectId = projectId,
            UserId = userId,
            Size = size ?? Sizes[pick],
            Status = status,
            AvailabilityZone = BlockStorageCatalog.AvailabilityZone,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            LaunchedAt = status == "creating" ? null : createdAt,
            Bootable = bootable,
            VolumeType = BlockStorageCatalog.DefaultType,
            Host = BlockStorageCatalog.BackendHost,
        };
    }
}
