using Microsoft.Extensions.Configuration;

namespace Synchronizer.Plugins.Heat;

/// <summary>Options of the Heat plugin, bound from the <c>[heat]</c> section.</summary>
public sealed class HeatOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "heat";

    /// <summary>Gets or sets the page size (<c>limit</c>) of list calls, between 1 and 10000. The default value is 1000.</summary>
    [ConfigurationKeyName("page_size")]
    public int PageSize { get; set; } = HeatDefaults.PageSize;

    /// <summary>
    /// Gets or sets whether nested stacks (those a parent stack's resources create) are synchronized
    /// too, through Heat's <c>show_nested</c> list parameter. The default value is <see langword="false"/>.
    /// </summary>
    [ConfigurationKeyName("show_nested")]
    public bool ShowNested { get; set; } = HeatDefaults.ShowNested;
}
