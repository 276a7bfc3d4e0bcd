using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>
/// What decides a volume body's shape: the microversion, whether the caller is admin (the host,
/// migration, provider and cluster fields are admin-only by cinder's default policy) and the link prefixes.
/// </summary>
internal sealed record VolumeView(ApiVersion Version, bool IsAdmin, string VersionedUrl, string BookmarkUrl)
{
    public static readonly ApiVersion GroupId = new(3, 13);
    public static readonly ApiVersion ProviderId = new(3, 21);
    public static readonly ApiVersion Count = new(3, 45);
    public static readonly ApiVersion SharedTargets = new(3, 48);
    public static readonly ApiVersion ClusterName = new(3, 61);
    public static readonly ApiVersion VolumeTypeId = new(3, 63);
    public static readonly ApiVersion ConsumesQuota = new(3, 65);

    public bool AtLeast(ApiVersion version) => Version >= version;
}
