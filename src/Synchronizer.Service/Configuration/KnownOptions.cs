using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;

namespace Synchronizer.Service.Configuration;

/// <summary>Finds every options class and entity type the service knows, for the sample configuration and <c>check-config</c>.</summary>
internal static class KnownOptions
{
    private static readonly Lazy<IReadOnlyList<Type>> Types = new(FindOptionsTypes);

    /// <summary>Options classes of the loaded Synchronizer assemblies: public, with a <c>SectionName</c> constant and keyed properties.</summary>
    /// <remarks>Found once per process: the assemblies the service is built from do not change while it runs.</remarks>
    public static IReadOnlyList<Type> OptionsTypes() => Types.Value;

    /// <summary>The entity types of the built-in plugins, with their default intervals.</summary>
    public static IReadOnlyList<EntityTypeDescriptor> EntityTypes()
    {
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().Build());
        return host.Services.GetServices<IEntityPoller>().Select(p => p.Descriptor).ToArray();
    }

    private static Type[] FindOptionsTypes()
    {
        // Building the host loads every assembly that registers options, the built-in plugins' included.
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().Build());
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } n && (n.StartsWith("Synchronizer.", StringComparison.Ordinal) || n == "synchronizer"))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetField("SectionName") is not null
                && t.GetProperties().Any(p => p.IsDefined(typeof(ConfigurationKeyNameAttribute), false)))
            .ToArray();
    }
}
