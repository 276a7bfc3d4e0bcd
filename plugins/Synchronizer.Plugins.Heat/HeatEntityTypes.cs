namespace Synchronizer.Plugins.Heat;

/// <summary>The entity types the Heat plugin provides. Use these constants; never retype the strings.</summary>
public static class HeatEntityTypes
{
    /// <summary>Stacks of every project, from <c>GET /stacks?global_tenant=true</c>.</summary>
    public const string Stack = "heat.stack";
}
