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

    /// <summary>
    /// Shows a transport URL without its passwords, whether or not it parses, so that an error about a
    /// malformed URL can still show what was written: <c>rabbit://guest:***@127.0.0.1:5672/</c>.
    /// </summary>
    /// <param name="url">The URL as configured.</param>
    /// <returns>The URL with each password replaced by <c>***</c>; when the credentials cannot be told
    /// apart from the hosts, everything before the last <c>@</c> is replaced.</returns>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var lastAt = url.LastIndexOf('@');
        if (lastAt < start)
        {
            return url;
        }

        // Between the scheme and the last '@' every part but the last is "user:pass@host:port"; the
        // last part is the credentials of the host after that '@'. A password holding ',' or '/'
        // breaks that shape, and then nothing of the credentials is shown.
        var parts = url[start..lastAt].Split(',');
        var shown = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var at = last ? parts[i].Length : parts[i].LastIndexOf('@');
            if (at < 0 || parts[i][..at].Contains('/', StringComparison.Ordinal))
            {
                return string.Concat(url.AsSpan(0, start), "***", url.AsSpan(lastAt));
            }

            var credentials = parts[i][..at];
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            shown.Add((colon < 0 ? credentials : credentials[..colon] + ":***") + parts[i][at..]);
        }

        return string.Concat(url.AsSpan(0, start), string.Join(',', shown), url.AsSpan(lastAt));
    }

    /// <summary>Returns the URL with every password replaced by <c>***</c>.</summary>
    /// <returns>The redacted URL.</returns>
    public override string ToString() =>
        $"{(UseTls ? "rabbit+tls" : "rabbit")}://{string.Join(',', Hosts)}/{(VirtualHost == "/" ? string.Empty : Uri.EscapeDataString(VirtualHost))}";
}
