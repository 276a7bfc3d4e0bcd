using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Nova;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>The built-in entity types, which the real cloud serves all of.</summary>
internal static class RealCloudTypes
{
    public static readonly IReadOnlyList<string> All =
        [NovaEntityTypes.Instance, NovaEntityTypes.Host, NovaEntityTypes.Zone, CinderEntityTypes.Volume, HeatEntityTypes.Stack];
}
