namespace Synchronizer.Messaging.Rabbit;

/// <summary>
/// An oslo.messaging transport URL: <c>rabbit://user:pass@host1:port1,user:pass@host2:port2/vhost</c>.
/// Its <see cref="ToString"/> never shows a password.
/// </summary>
public sealed record TransportUrl(IReadOnlyList<TransportHost> Hosts, string VirtualHost, bool UseTls)
{
    /// <summary>Parses a transport URL.</summary>
    /// <param name="url">The URL, for example <c>rabbit://guest:guest@127.0.0.1:5672/</c>.</param>
    /// <returns>The parsed URL.</returns>
    /// <exception cref="FormatException">The URL is not a rabbit transport URL; the message never contains the password.</exception>
    public static TransportUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? string.Empty : url[..schemeEnd];
        if (scheme is not ("rabbit" or "rabbit+tls" or "amqp" or "amqps"))
        {
            throw new FormatException($"The transport URL must start with rabbit:// (or rabbit+tls://), not '{(schemeEnd < 0 ? "(no scheme)" : scheme + "://")}'.");
        }

        var rest = url[(schemeEnd + 3)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hostList = slash < 0 ? rest : rest[..slash];
        var vhost = slash < 0 ? string.Empty : Uri.UnescapeDataString(rest[(slash + 1)..]);
        var hosts = hostList.Split(',').Select(TransportHost.Parse).ToArray();
        return new TransportUrl(hosts, vhost.Length == 0 ? "/" : vhost, scheme is "rabbit+tls" or "amqps");
    }

    /// <summary>Returns the URL with every password replaced by <c>***</c>.</summary>
    /// <returns>The redacted URL.</returns>
    public override string ToString() =>
        $"{(UseTls ? "rabbit+tls" : "rabbit")}://{string.Join(',', Hosts)}/{(VirtualHost == "/" ? string.Empty : Uri.EscapeDataString(VirtualHost))}";
}
