namespace Synchronizer.Plugins.Abstractions;

/// <summary>
/// The entry point of a plugin loaded from the plugin directory (<c>[plugins] directory</c>): the
/// service finds every public, non-abstract class implementing it in the plugin's main assembly,
/// creates it with its parameterless constructor and calls <see cref="Register"/>.
/// </summary>
/// <remarks>
/// Built-in plugins do not need one: they are registered in code (<c>.AddNova()</c>). An
/// out-of-tree plugin usually implements <see cref="Register"/> by calling its own
/// <c>Add&lt;Svc&gt;</c> extension method, so that it can be registered in code as well. The plugin
/// shares <c>Synchronizer.Plugins.Abstractions</c>, <c>Synchronizer.OpenStack</c> and the
/// <c>Microsoft.Extensions.*</c> assemblies with the service; everything else it ships is private to it.
/// </remarks>
public interface ISynchronizerPlugin
{
    /// <summary>Gets the plugin's name for logs and error messages, for example <c>neutron</c>.</summary>
    string Name { get; }

    /// <summary>Registers the plugin's pollers and options, as an <c>Add&lt;Svc&gt;</c> method would.</summary>
    /// <param name="builder">The synchronizer builder; its configuration is the service's whole configuration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    void Register(ISynchronizerBuilder builder);
}
