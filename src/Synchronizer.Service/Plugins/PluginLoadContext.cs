using System.Reflection;
using System.Runtime.Loader;

namespace Synchronizer.Service.Plugins;

/// <summary>
/// The load context of one third-party plugin: the plugin's own dependencies come from its folder,
/// while the contract assemblies are the service's, so that its <c>IEntityPoller</c> is the type the
/// service knows and the services it asks for (<c>ICollectionReader</c>, options, logging) resolve.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly string[] SharedNames = ["Synchronizer.Plugins.Abstractions", "Synchronizer.OpenStack"];
    private const string SharedPrefix = "Microsoft.Extensions.";

    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string mainAssemblyPath)
        : base($"plugin:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}", isCollectible: false) =>
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);

    public static bool IsShared(AssemblyName name) =>
        name.Name is { } simple && (SharedNames.Contains(simple, StringComparer.Ordinal) || simple.StartsWith(SharedPrefix, StringComparison.Ordinal));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName) && FromService(assemblyName) is { } shared)
        {
            return shared;
        }

        // Anything else the plugin ships is its own; what it does not ship (the framework) falls back
        // to the default context when this returns null.
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    // By simple name, so that a plugin built against another patch of a shared assembly still gets
    // the service's copy; a shared assembly the service lacks is taken from the plugin's folder.
    private static Assembly? FromService(AssemblyName assemblyName)
    {
        var loaded = Default.Assemblies.FirstOrDefault(a => a.GetName().Name == assemblyName.Name);
        if (loaded is not null)
        {
            return loaded;
        }

        try
        {
            return Default.LoadFromAssemblyName(new AssemblyName(assemblyName.Name!));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
