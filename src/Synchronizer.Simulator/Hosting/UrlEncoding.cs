using System.Globalization;
using System.Text;

namespace Synchronizer.Simulator.Hosting;

/// <summary>Python's URL helpers, which the services build their links with.</summary>
internal static class UrlEncoding
{
    /// <summary>urllib.parse.quote_plus: letters, digits and "_.-~" stay, a space becomes "+", the rest %XX of UTF-8.</summary>
    public static void QuotePlus(StringBuilder target, string value)
    {
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~')
            {
                target.Append(c);
            }
            else if (c == ' ')
            {
                target.Append('+');
            }
            else
            {
                target.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>
    /// The query string as webob's request.params holds it: every pair in the order sent, repeats kept,
    /// "+" and %XX decoded, a key without "=" given an empty value.
    /// </summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string? queryString)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var query = (queryString ?? string.Empty).TrimStart('?');
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Unquote(key), Unquote(value)));
        }

        return pairs;
    }

    /// <summary>
    /// The next link cinder and heat build: request.params.copy(), params["marker"] = id (webob's MultiDict
    /// drops every old marker and appends the new one last), then urllib.parse.urlencode.
    /// </summary>
    public static string NextLink(string collectionUrl, string? queryString, string marker)
    {
        var href = new StringBuilder(collectionUrl).Append('?');
        var first = true;
        foreach (var (key, value) in ParseQuery(queryString).Where(p => p.Key != "marker").Append(new("marker", marker)))
        {
            if (!first)
            {
                href.Append('&');
            }

            first = false;
            QuotePlus(href, key);
            href.Append('=');
            QuotePlus(href, value);
        }

        return href.ToString();
    }

    private static string Unquote(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
