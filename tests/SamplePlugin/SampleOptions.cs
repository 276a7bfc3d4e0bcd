using Microsoft.Extensions.Configuration;

namespace SamplePlugin;

/// <summary>Options of the sample plugin, bound from the <c>[sample]</c> section.</summary>
public sealed class SampleOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "sample";

    /// <summary>Gets or sets the page size of the list call. The default value is 1000.</summary>
    [ConfigurationKeyName("page_size")]
    public int PageSize { get; set; } = 1000;
}
