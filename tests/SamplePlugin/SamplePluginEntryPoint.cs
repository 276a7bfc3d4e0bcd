using Synchronizer.Plugins.Abstractions;

namespace SamplePlugin;

/// <summary>The entry point the service finds in the plugin directory.</summary>
public sealed class SamplePluginEntryPoint : ISynchronizerPlugin
{
    /// <inheritdoc />
    public string Name => "sample";

    /// <inheritdoc />
    public void Register(ISynchronizerBuilder builder) => builder.AddSample();
}
