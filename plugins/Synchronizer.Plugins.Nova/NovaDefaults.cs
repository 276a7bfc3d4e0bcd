namespace Synchronizer.Plugins.Nova;

/// <summary>Default values of <see cref="NovaOptions"/>.</summary>
internal static class NovaDefaults
{
    // 2.79 is the newest microversion of Train and older than every supported cloud (Zed offers 2.93);
    // it embeds the flavor (2.47), lists tags (2.26) and locked/description (2.9, 2.19).
    public const string Microversion = "2.79";

    public const int PageSize = 1000;

    public static readonly TimeSpan InstanceInterval = TimeSpan.FromSeconds(60);
}
