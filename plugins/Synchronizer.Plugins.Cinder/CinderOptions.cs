using Microsoft.Extensions.Configuration;

namespace Synchronizer.Plugins.Cinder;

/// <summary>Options of the Cinder plugin, bound from the <c>[cinder]</c> section.</summary>
public sealed class CinderOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "cinder";

    /// <summary>Gets or sets the highest block-storage microversion to use (<c>OpenStack-API-Version: volume 3.x</c>); the client negotiates the highest the cloud offers up to it. The default value is <c>3.59</c>.</summary>
    [ConfigurationKeyName("microversion")]
    public string Microversion { get; set; } = CinderDefaults.Microversion;

    /// <summary>Gets or sets the page size (<c>limit</c>) of list calls, between 1 and 10000; Cinder caps it at its <c>osapi_max_limit</c>. The default value is 1000.</summary>
    [ConfigurationKeyName("page_size")]
    public int PageSize { get; set; } = CinderDefaults.PageSize;
}
