namespace Synchronizer.Plugins.Heat;

/// <summary>Default values of <see cref="HeatOptions"/> and of the Heat entity types.</summary>
internal static class HeatDefaults
{
    // Heat sets no upper bound on limit; 1000 matches the other services' max_limit.
    public const int PageSize = 1000;

    public const int MaxPageSize = 10000;

    public const bool ShowNested = false;

    public static readonly TimeSpan StackInterval = TimeSpan.FromSeconds(60);
}
