using System.Globalization;

namespace Synchronizer.Messaging.Rabbit;

/// <summary>One broker of a transport URL. Its <see cref="ToString"/> hides the password.</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Password">The password; never log it.</param>
/// <param name="Host">The host name or address.</param>
/// <param name="Port">The AMQP port.</param>
public sealed record TransportHost(string UserName, string Password, string Host, int Port)
{
    private const int DefaultPort = 5672;

    /// <summary>Parses <c>user:pass@host:port</c>.</summary>
    /// <param name="text">One comma-separated part of a transport URL.</param>
    /// <returns>The host.</returns>
    /// <exception cref="FormatException">The part is malformed; the message never contains the password.</exception>
    public static TransportHost Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var credentials = at < 0 ? string.Empty : text[..at];
        var address = at < 0 ? text : text[(at + 1)..];
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(credentials[(colon + 1)..]);

        var port = DefaultPort;
        var host = address;
        var portColon = address.LastIndexOf(':');
        if (portColon >= 0 && !address.EndsWith(']'))
        {
            host = address[..portColon];
            if (!int.TryParse(address[(portColon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                throw new FormatException($"The transport URL host '{host}' has an invalid port.");
            }
        }

        if (host.Length == 0)
        {
            throw new FormatException("The transport URL has an empty host name.");
        }

        return new TransportHost(user.Length == 0 ? "guest" : user, at < 0 ? "guest" : password, host.Trim('[', ']'), port);
    }

    /// <summary>Returns <c>user:***@host:port</c>.</summary>
    /// <returns>The host without its password.</returns>
    public override string ToString() => $"{UserName}:***@{Host}:{Port}";
}
