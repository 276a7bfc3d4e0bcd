using Microsoft.Extensions.Configuration;

namespace Synchronizer.Plugins.Nova;

/// <summary>Options of the Nova plugin, bound from the <c>[nova]</c> section; they apply to every Nova entity type.</summary>
public sealed class NovaOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "nova";

    /// <summary>Gets or sets the highest compute microversion to use; the client negotiates the highest the cloud offers up to it. The default value is <c>2.79</c>.</summary>
    [ConfigurationKeyName("microversion")]
    public string Microversion { get; set; } = NovaDefaults.Microversion;

    /// <summary>Gets or sets the page size (<c>limit</c>) of list calls, between 1 and 10000; Nova caps it at its <c>max_limit</c>. The default value is 1000.</summary>
    [ConfigurationKeyName("page_size")]
    public int PageSize { get; set; } = NovaDefaults.PageSize;
}
