using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Synchronizer.OpenStack.Paging;

/// <summary>Builds page URLs and reads <c>next</c> links.</summary>
internal static class PageQuery
{
    public static string Build(CollectionRequest request, string? marker)
    {
        var query = new StringBuilder(request.Path);
        var separator = '?';
        foreach (var (key, value) in request.Query)
        {
            Append(query, ref separator, key, value);
        }

        Append(query, ref separator, "limit", request.PageSize.ToString(CultureInfo.InvariantCulture));
        if (marker is not null)
        {
            Append(query, ref separator, "marker", marker);
        }

        return query.ToString();
    }

    public static string? FindNextLink(JsonElement root, string linksKey)
    {
        if (!root.TryGetProperty(linksKey, out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var link in links.EnumerateArray())
        {
            if (link.ValueKind == JsonValueKind.Object
                && link.TryGetProperty("rel", out var rel) && rel.ValueKind == JsonValueKind.String && rel.GetString() == "next"
                && link.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String)
            {
                return href.GetString();
            }
        }

        return null;
    }

    public static string? MarkerOf(string href)
    {
        var start = href.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        foreach (var pair in href[(start + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual("marker"))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    private static void Append(StringBuilder query, ref char separator, string key, string value)
    {
        query.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        separator = '&';
    }
}
