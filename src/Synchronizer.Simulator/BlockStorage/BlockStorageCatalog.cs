namespace Synchronizer.Simulator.BlockStorage;

/// <summary>What every simulated volume shares: the default type, the zone and the backend of an LVM devstack.</summary>
internal static class BlockStorageCatalog
{
    public const string AvailabilityZone = "nova";

    // host@backend#pool of devstack's LVM backend; notifications are published as volume.<host>.
    public const string BackendHost = "sim-storage@lvmdriver-1#lvmdriver-1";

    // The volume service's uuid, shown as service_uuid from 3.48.
    public const string ServiceUuid = "2f5b3d7e-8c1a-4b6e-9d0f-5a7c9e1b3d42";

    // Cinder creates __DEFAULT__ at install time since Train; its id is random per cloud.
    public static readonly VolumeTypeSpec DefaultType = new("5fed9d7c-401d-46e2-8e80-f30c70cb7e1d", "__DEFAULT__");

    /// <summary>The statuses cinder's API reports (cinder.objects.fields.VolumeStatus, minus the internal ones).</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "creating", "available", "deleting", "error", "error_deleting", "error_managing", "attaching", "in-use",
        "detaching", "maintenance", "restoring-backup", "error_restoring", "reserved", "awaiting-transfer",
        "backing-up", "error_backing-up", "error_extending", "downloading", "uploading", "retyping", "extending",
    };
}
