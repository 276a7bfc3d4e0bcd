using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.Plugins;

namespace Synchronizer.Service.Configuration.Validation;

/// <summary>
/// The host <c>check-config</c> inspects: built from the configuration exactly as <c>serve</c> builds
/// it (plugins of the plugin directory included), but never started. When the plugin directory
/// cannot be loaded, that is a problem, and the host is built without it so the rest is still checked.
/// </summary>
internal sealed class ValidationHost : IDisposable
{
    private const string DirectoryKey = "directory";
    private static readonly string DirectoryPath = $"{PluginDirectoryOptions.SectionName}:{DirectoryKey}";

    private ValidationHost(IHost host, List<ConfigurationProblem> problems, bool pluginsLoaded)
    {
        Host = host;
        Problems = problems;
        PluginsLoaded = pluginsLoaded;
        EntityTypes = ReadEntityTypes(host, problems, out var pollers);
        PluginOptionKeys = [.. PluginAssemblies(pollers).SelectMany(ExportedTypes).SelectMany(OptionKey.Of)];
        PluginsLoaded &= pollers is not null;
    }

    public IHost Host { get; }

    /// <summary>Gets the problems of loading the plugins and their entity types.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>Gets whether every plugin loaded, so that every section they read is known.</summary>
    public bool PluginsLoaded { get; }

    /// <summary>Gets the entity types the plugins provide.</summary>
    public IReadOnlyList<EntityTypeDescriptor> EntityTypes { get; }

    /// <summary>Gets the keys of the options classes of the plugin directory's plugins.</summary>
    public IReadOnlyList<OptionKey> PluginOptionKeys { get; }

    public static ValidationHost Build(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<ConfigurationProblem>();
        var directory = configuration[DirectoryPath];
        if (!string.IsNullOrWhiteSpace(directory) && File.Exists(directory))
        {
            problems.Add(new(PluginDirectoryOptions.SectionName, DirectoryKey, $"'{directory}' is a file, not a directory", "name the directory that holds one folder per plugin, or leave the key empty to load no plugin"));
            return new ValidationHost(SynchronizerHost.Build(WithoutPlugins(configuration)), problems, pluginsLoaded: false);
        }

        try
        {
            return new ValidationHost(SynchronizerHost.Build(configuration), problems, pluginsLoaded: true);
        }
        catch (InvalidOperationException ex)
        {
            var problem = ConfigurationProblem.Parse(ex.Message, PluginDirectoryOptions.SectionName);
            problems.Add(problem.Key.Length == 0 ? problem with { Key = DirectoryKey } : problem);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            problems.Add(new(PluginDirectoryOptions.SectionName, DirectoryKey, $"'{directory}' cannot be read ({ex.GetType().Name})", "let the service's user read it and its sub-directories, or leave the key empty to load no plugin"));
        }

        return new ValidationHost(SynchronizerHost.Build(WithoutPlugins(configuration)), problems, pluginsLoaded: false);
    }

    public void Dispose() => Host.Dispose();

    // A copy rather than AddConfiguration: a chained configuration hides empty values ("pool ="),
    // which must reach the validators as they are.
    private static IConfiguration WithoutPlugins(IConfiguration configuration) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.AsEnumerable().Where(p => p.Value is not null))
            .AddInMemoryCollection([new(DirectoryPath, string.Empty)])
            .Build();

    private static IReadOnlyList<EntityTypeDescriptor> ReadEntityTypes(IHost host, List<ConfigurationProblem> problems, out IReadOnlyList<IEntityPoller>? pollers)
    {
        try
        {
            pollers = [.. host.Services.GetServices<IEntityPoller>()];
        }
        catch (Exception ex)
        {
            // A plugin's poller that cannot be created would stop the service at its first poll.
            problems.Add(new(PluginDirectoryOptions.SectionName, DirectoryKey, $"a plugin's poller cannot be created: {ex.Message.TrimEnd('.')}", "fix or remove that plugin"));
            pollers = null;
            return [];
        }

        foreach (var twice in pollers.GroupBy(p => p.Descriptor.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(PluginDirectoryOptions.SectionName, DirectoryKey, $"two plugins provide entity type '{twice.Key}'", "remove one of them from the plugin directory"));
        }

        return [.. pollers.Select(p => p.Descriptor).DistinctBy(d => d.Name)];
    }

    private static IEnumerable<Assembly> PluginAssemblies(IReadOnlyList<IEntityPoller>? pollers) =>
        (pollers ?? []).Select(p => p.GetType().Assembly).Distinct().Where(a => AssemblyLoadContext.GetLoadContext(a) is PluginLoadContext);

    private static IEnumerable<Type> ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
