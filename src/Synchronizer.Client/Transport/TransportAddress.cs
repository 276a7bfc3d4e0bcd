using System.Globalization;
using RabbitMQ.Client;

namespace Synchronizer.Client.Transport;

/// <summary>
/// An oslo transport URL, <c>rabbit://user:pass@host1:port1,user:pass@host2:port2/vhost</c>
/// (<c>rabbit+tls://</c> for TLS), turned into what RabbitMQ.Client needs. Never shows a password.
/// </summary>
internal sealed record TransportAddress(IReadOnlyList<AmqpTcpEndpoint> Endpoints, string UserName, string Password, string VirtualHost, string Redacted)
{
    private const int DefaultPort = 5672;

    /// <exception cref="FormatException">The URL is not a rabbit transport URL; the message never contains the password.</exception>
    public static TransportAddress Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? string.Empty : url[..schemeEnd];
        if (scheme is not ("rabbit" or "rabbit+tls" or "amqp" or "amqps"))
        {
            throw new FormatException("The transport URL must start with rabbit:// (or rabbit+tls://).");
        }

        var tls = scheme is "rabbit+tls" or "amqps";
        var rest = url[(schemeEnd + 3)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        rest = query < 0 ? rest : rest[..query];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var vhost = slash < 0 ? string.Empty : Uri.UnescapeDataString(rest[(slash + 1)..]);
        string user = "guest", password = "guest";
        var endpoints = new List<AmqpTcpEndpoint>();
        var shown = new List<string>();
        foreach (var part in (slash < 0 ? rest : rest[..slash]).Split(','))
        {
            var at = part.LastIndexOf('@');
            if (at >= 0)
            {
                var credentials = part[..at];
                var colon = credentials.IndexOf(':', StringComparison.Ordinal);
                user = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[..colon]);
                password = colon < 0 ? string.Empty : Uri.UnescapeDataString(credentials[(colon + 1)..]);
            }

            var (host, port) = HostAndPort(at < 0 ? part : part[(at + 1)..]);
            endpoints.Add(new AmqpTcpEndpoint(host, port, new SslOption { Enabled = tls, ServerName = host }));
            shown.Add($"{user}:***@{host}:{port.ToString(CultureInfo.InvariantCulture)}");
        }

        var redacted = $"{(tls ? "rabbit+tls" : "rabbit")}://{string.Join(',', shown)}/{Uri.EscapeDataString(vhost)}";
        return new TransportAddress(endpoints, user, password, vhost.Length == 0 ? "/" : vhost, redacted);
    }

    public override string ToString() => Redacted;

    private static (string Host, int Port) HostAndPort(string address)
    {
        var port = DefaultPort;
        var host = address;
        var colon = address.LastIndexOf(':');
        if (colon >= 0 && !address.EndsWith(']'))
        {
            host = address[..colon];
            if (!int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                throw new FormatException($"The transport URL host '{host}' has an invalid port.");
            }
        }

        host = host.Trim('[', ']');
        return host.Length > 0 ? (host, port) : throw new FormatException("The transport URL has an empty host name.");
    }
}
