namespace Synchronizer.Plugins.Nova;

/// <summary>The entity types the Nova plugin provides. Use these constants; never retype the strings.</summary>
public static class NovaEntityTypes
{
    /// <summary>Servers, from <c>GET /servers/detail</c>.</summary>
    public const string Instance = "nova.instance";
}
