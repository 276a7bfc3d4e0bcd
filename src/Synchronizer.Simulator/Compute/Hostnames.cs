using System.Text;

namespace Synchronizer.Simulator.Compute;

/// <summary>nova.utils.sanitize_hostname, which turns a display name into the instance's hostname.</summary>
internal static class Hostnames
{
    public static string FromDisplayName(string displayName)
    {
        var builder = new StringBuilder(displayName.Length);
        foreach (var c in displayName)
        {
            if (c is ' ' or '_' or '.')
            {
                builder.Append('-');
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var hostname = builder.ToString().Trim('.', '-');
        if (hostname.Length > 63)
        {
            hostname = hostname[..63].TrimEnd('.', '-');
        }

        // Reuse the name's own string when nothing changed: seeded names are already valid hostnames.
        return hostname.Length == 0 ? "Server-" : hostname == displayName ? displayName : hostname;
    }
}
