using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.Plugins;

/// <summary>Where third-party plugins are loaded from, bound from the <c>[plugins]</c> section.</summary>
internal sealed class PluginDirectoryOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "plugins";

    /// <summary>
    /// Gets or sets the directory of third-party plugins: one sub-directory per plugin, holding the
    /// plugin's build output with its main assembly named after the sub-directory
    /// (<c>&lt;directory&gt;/Acme.Neutron/Acme.Neutron.dll</c>). A relative path is taken from the
    /// working directory; empty loads none. The default value is empty.
    /// </summary>
    [ConfigurationKeyName("directory")]
    public string Directory { get; set; } = string.Empty;
}
