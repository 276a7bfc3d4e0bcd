using Microsoft.Extensions.Configuration;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Plugins;

/// <summary>Registers the third-party plugins of <c>[plugins] directory</c>, after the built-in ones.</summary>
internal static class PluginSynchronizerBuilderExtensions
{
    /// <summary>Loads every plugin of the configured directory and lets it register itself; does nothing when the key is empty.</summary>
    /// <param name="builder">The synchronizer builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InvalidOperationException">A plugin cannot be loaded or fails to register; the message names it.</exception>
    public static ISynchronizerBuilder AddPluginDirectory(this ISynchronizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(PluginDirectoryOptions.SectionName).Get<PluginDirectoryOptions>() ?? new PluginDirectoryOptions();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            return builder;
        }

        foreach (var plugin in PluginDirectory.Load(options.Directory))
        {
            try
            {
                plugin.Register(builder);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Plugin '{plugin.Name}' failed to register: {ex.Message}", ex);
            }
        }

        return builder;
    }
}
