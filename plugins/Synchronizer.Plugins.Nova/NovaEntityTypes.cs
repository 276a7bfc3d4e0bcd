namespace Synchronizer.Plugins.Nova;

/// <summary>The entity types the Nova plugin provides. Use these constants; never retype the strings.</summary>
public static class NovaEntityTypes
{
    /// <summary>Servers, from <c>GET /servers/detail</c>.</summary>
    public const string Instance = "nova.instance";

    /// <summary>Hypervisors, from <c>GET /os-hypervisors/detail</c>; integer ids (before microversion 2.53) become strings.</summary>
    public const string Host = "nova.host";

    /// <summary>Availability zones, from <c>GET /os-availability-zone/detail</c>; the id is the zone name.</summary>
    public const string Zone = "nova.zone";
}
