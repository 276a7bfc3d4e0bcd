namespace Synchronizer.Plugins.Cinder;

/// <summary>Default values of <see cref="CinderOptions"/> and of the Cinder entity types.</summary>
internal static class CinderDefaults
{
    // 3.59 is the newest microversion of Train, as nova's default 2.79 is: older than every supported
    // cloud (Zed offers 3.70). It lists shared_targets and service_uuid (3.48) and group_id (3.13).
    public const string Microversion = "3.59";

    // Cinder's osapi_max_limit default; a larger limit is clamped to it.
    public const int PageSize = 1000;

    public const int MaxPageSize = 10000;

    public static readonly TimeSpan VolumeInterval = TimeSpan.FromSeconds(60);
}
