namespace Synchronizer.Plugins.Cinder;

/// <summary>The entity types the Cinder plugin provides. Use these constants; never retype the strings.</summary>
public static class CinderEntityTypes
{
    /// <summary>Volumes of every project, from <c>GET /volumes/detail?all_tenants=1</c>.</summary>
    public const string Volume = "cinder.volume";
}
