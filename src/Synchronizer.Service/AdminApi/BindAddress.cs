using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Synchronizer.Service.AdminApi;

/// <summary>Parses <c>[admin_api] bind</c>: <c>address:port</c>, <c>[v6-address]:port</c> or <c>localhost:port</c>.</summary>
internal static class BindAddress
{
    /// <summary>Parses a bind value.</summary>
    /// <param name="value">The configured text.</param>
    /// <param name="endpoint">The address and port; port 0 lets the system choose.</param>
    /// <returns><see langword="true"/> when the value is an IP address (or <c>localhost</c>) and a port from 0 to 65535.</returns>
    public static bool TryParse(string? value, [NotNullWhen(true)] out IPEndPoint? endpoint)
    {
        endpoint = null;
        var text = value?.Trim();
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            // An IPv6 address needs brackets, or its last group would read as the port.
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
