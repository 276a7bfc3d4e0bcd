namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// oslo.messaging's transport_url, <c>rabbit://user:pass@host:port/vhost</c>; of several comma-separated
/// hosts the first is used. An empty path is the default virtual host "/".
/// </summary>
internal sealed record OsloTransportUrl(string Host, int Port, string User, string Password, string VirtualHost)
{
    /// <exception cref="ArgumentException">Not a rabbit:// URL.</exception>
    public static OsloTransportUrl Parse(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        const string Scheme = "rabbit://";
        if (!url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The notifications URL must be an oslo transport_url, rabbit://user:pass@host:port/vhost, not '{url}'.", nameof(url));
        }

        var rest = url[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hosts = slash < 0 ? rest : rest[..slash];
        var vhost = slash < 0 ? string.Empty : Uri.UnescapeDataString(rest[(slash + 1)..]);
        var first = hosts.Split(',')[0];
        var at = first.LastIndexOf('@');
        var (user, password) = ("guest", "guest");
        if (at >= 0)
        {
            var credentials = first[..at].Split(':', 2);
            user = Uri.UnescapeDataString(credentials[0]);
            password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : string.Empty;
            first = first[(at + 1)..];
        }

        var colon = first.LastIndexOf(':');
        var port = 5672;
        if (colon >= 0 && !int.TryParse(first[(colon + 1)..], out port))
        {
            throw new ArgumentException($"Bad port in the notifications URL '{url}'.", nameof(url));
        }

        var host = colon >= 0 ? first[..colon] : first;
        return new OsloTransportUrl(host, port, user, password, vhost.Length == 0 ? "/" : vhost);
    }
}
