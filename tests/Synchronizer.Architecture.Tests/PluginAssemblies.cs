using System.Reflection;
using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Nova;

namespace Synchronizer.Architecture.Tests;

/// <summary>The built-in plugins, with the service name their entity types, options and registration are named after.</summary>
internal static class PluginAssemblies
{
    public static readonly (string Service, Assembly Assembly)[] Named =
    [
        ("Nova", typeof(NovaEntityTypes).Assembly),
        ("Cinder", typeof(CinderEntityTypes).Assembly),
        ("Heat", typeof(HeatEntityTypes).Assembly),
    ];

    public static Assembly[] All => [.. Named.Select(p => p.Assembly)];

    public static IEnumerable<object[]> Data => Named.Select(p => new object[] { p.Service });

    public static Assembly Of(string service) => Named.Single(p => p.Service == service).Assembly;
}
