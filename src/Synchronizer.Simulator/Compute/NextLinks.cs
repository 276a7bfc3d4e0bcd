using System.Text;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// The <c>next</c> href of nova's ViewBuilder._get_next_link: the request's own parameters sorted
/// by name (OrderedDict(sorted(request.params.items()))), marker set to the last id, urlencoded
/// with quote_plus. A limit the client did not send stays out, as in nova.
/// </summary>
internal static class NextLinks
{
    public static string Build(string collectionUrl, IQueryCollection query, string lastId)
    {
        var pairs = query
            .SelectMany(p => p.Value.Select(v => (Key: p.Key, Value: v ?? string.Empty)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);

        // A repeated key keeps its first position and its last value, as an OrderedDict built from the sorted list.
        var keys = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (!values.ContainsKey(key))
            {
                keys.Add(key);
            }

            values[key] = value;
        }

        if (!values.ContainsKey("marker"))
        {
            keys.Add("marker");
        }

        values["marker"] = lastId;
        var href = new StringBuilder(collectionUrl).Append('?');
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                href.Append('&');
            }

            UrlEncoding.QuotePlus(href, keys[i]);
            href.Append('=');
            UrlEncoding.QuotePlus(href, values[keys[i]]);
        }

        return href.ToString();
    }
}
