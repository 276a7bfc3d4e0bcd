using System.Reflection;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Plugins;

/// <summary>Loads the third-party plugins of a directory, each in its own <see cref="PluginLoadContext"/>.</summary>
internal static class PluginDirectory
{
    /// <summary>Finds and creates the entry point of every plugin below <paramref name="directory"/>, in name order.</summary>
    /// <exception cref="InvalidOperationException">The directory is missing, or a plugin cannot be loaded; the message names it and the fix.</exception>
    public static IReadOnlyList<ISynchronizerPlugin> Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(root))
        {
            throw new InvalidOperationException(
                $"[{PluginDirectoryOptions.SectionName}] directory = '{directory}' does not exist: create it, or leave the key empty to load no plugin.");
        }

        return System.IO.Directory.GetDirectories(root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .SelectMany(LoadOne)
            .ToArray();
    }

    private static IEnumerable<ISynchronizerPlugin> LoadOne(string pluginDirectory)
    {
        var name = Path.GetFileName(pluginDirectory);
        var mainAssembly = Path.Combine(pluginDirectory, name + ".dll");
        if (!File.Exists(mainAssembly))
        {
            throw new InvalidOperationException(
                $"Plugin directory '{pluginDirectory}' has no {name}.dll: each plugin's folder must be named after its main assembly.");
        }

        Type[] entryPoints;
        try
        {
            var assembly = new PluginLoadContext(mainAssembly).LoadFromAssemblyPath(mainAssembly);
            entryPoints = [.. assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISynchronizerPlugin).IsAssignableFrom(t))];
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
        {
            throw new InvalidOperationException($"Plugin '{name}' cannot be loaded from {mainAssembly}: {ex.Message}", ex);
        }

        if (entryPoints.Length == 0)
        {
            throw new InvalidOperationException(
                $"Plugin '{name}' has no public class implementing {nameof(ISynchronizerPlugin)} in {mainAssembly}; was it built against this service's Synchronizer.Plugins.Abstractions?");
        }

        return entryPoints.Select(type => Create(name, type));
    }

    private static ISynchronizerPlugin Create(string name, Type type)
    {
        try
        {
            return (ISynchronizerPlugin)Activator.CreateInstance(type)!;
        }
        catch (Exception ex) when (ex is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            throw new InvalidOperationException($"Plugin '{name}': {type.FullName} cannot be created; it needs a public parameterless constructor that does not throw.", ex);
        }
    }
}
