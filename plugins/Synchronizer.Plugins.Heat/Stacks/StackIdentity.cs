namespace Synchronizer.Plugins.Heat.Stacks;

/// <summary>Reads the stack id out of a notification's <c>stack_identity</c>.</summary>
/// <remarks>
/// Current heat sends the bare id; older releases sent an ARN,
/// <c>arn:openstack:heat::&lt;tenant&gt;:stacks/&lt;name&gt;/&lt;id&gt;[/&lt;path&gt;]</c>
/// (heat/common/identifier.py, <c>HeatIdentifier.arn</c>), whose name part is URL-quoted and so holds no slash.
/// </remarks>
internal static class StackIdentity
{
    private const string ArnPrefix = "arn:openstack:heat:";
    private const string StacksSegment = ":stacks/";

    public static string? ParseId(string? identity)
    {
        if (string.IsNullOrEmpty(identity))
        {
            return null;
        }

        if (!identity.StartsWith(ArnPrefix, StringComparison.Ordinal))
        {
            return identity;
        }

        var stacks = identity.IndexOf(StacksSegment, StringComparison.Ordinal);
        if (stacks < 0)
        {
            return null;
        }

        var parts = identity[(stacks + StacksSegment.Length)..].Split('/');
        return parts.Length >= 2 && parts[1].Length > 0 ? parts[1] : null;
    }
}
