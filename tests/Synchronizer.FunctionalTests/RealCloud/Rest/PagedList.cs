using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>Reads a whole <c>limit</c>/<c>marker</c> list through its <c>next</c> links, the way the API documents it.</summary>
internal static class PagedList
{
    private const int Limit = 1000;

    /// <param name="session">Whose token and catalog.</param>
    /// <param name="serviceType">The catalog type.</param>
    /// <param name="path">The list path with its own query, for example <c>/servers/detail?all_tenants=1</c>.</param>
    /// <param name="key">The array's key, for example <c>servers</c>.</param>
    /// <param name="linksKey">The links array's key, for example <c>servers_links</c>.</param>
    /// <param name="microversion">The <c>OpenStack-API-Version</c> value.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(
        CloudSession session, string serviceType, string path, string key, string linksKey, string? microversion, CancellationToken cancellationToken = default)
    {
        var items = new List<JsonElement>();
        string? marker = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = $"{path}{separator}limit={Limit}" + (marker is null ? string.Empty : $"&marker={Uri.EscapeDataString(marker)}");
            var body = (await session.SendAsync(serviceType, HttpMethod.Get, page, null, microversion, cancellationToken)).Expect().Json;
            items.AddRange(body.GetProperty(key).EnumerateArray());
            marker = NextMarker(body, linksKey);
        }
        while (marker is not null);

        return items;
    }

    private static string? NextMarker(JsonElement body, string linksKey)
    {
        if (!body.TryGetProperty(linksKey, out var links))
        {
            return null;
        }

        var next = links.EnumerateArray().FirstOrDefault(l => l.GetProperty("rel").GetString() == "next");
        if (next.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var href = new Uri(next.GetProperty("href").GetString()!);
        return href.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == "marker")
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .Single();
    }
}
