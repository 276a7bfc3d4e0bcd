namespace Synchronizer.Plugins.Nova;

/// <summary>Default values of <see cref="NovaOptions"/> and of the Nova entity types.</summary>
internal static class NovaDefaults
{
    // 2.79 is the newest microversion of Train and older than every supported cloud (Zed offers 2.93);
    // it embeds the flavor (2.47), lists tags (2.26) and locked/description (2.9, 2.19), and gives
    // hypervisors UUID ids with hypervisors_links paging (2.53).
    public const string Microversion = "2.79";

    public const int PageSize = 1000;

    public const int MaxPageSize = 10000;

    public static readonly TimeSpan InstanceInterval = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan HostInterval = TimeSpan.FromSeconds(60);

    // Zones change only when an operator edits host aggregates.
    public static readonly TimeSpan ZoneInterval = TimeSpan.FromSeconds(300);
}
