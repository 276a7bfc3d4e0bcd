using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;

namespace Synchronizer.Service.Configuration;

/// <summary>Finds every options class and entity type the service knows, for the sample configuration.</summary>
internal static class KnownOptions
{
    /// <summary>Options classes of the loaded Synchronizer assemblies: public, with a <c>SectionName</c> constant and keyed properties.</summary>
    public static IReadOnlyList<Type> OptionsTypes()
    {
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().Build());
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } n && (n.StartsWith("Synchronizer.", StringComparison.Ordinal) || n == "synchronizer"))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetField("SectionName") is not null
                && t.GetProperties().Any(p => p.IsDefined(typeof(ConfigurationKeyNameAttribute), false)))
            .ToArray();
    }

    /// <summary>The entity types of the built-in plugins, with their default intervals.</summary>
    public static IReadOnlyList<EntityTypeDescriptor> EntityTypes()
    {
        using var host = SynchronizerHost.Build(new ConfigurationBuilder().Build());
        return host.Services.GetServices<IEntityPoller>().Select(p => p.Descriptor).ToArray();
    }
}
