using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Synchronizer.OpenStack.Paging;

/// <summary>
/// Follows <c>limit</c>/<c>marker</c> pagination to the end. A list is complete only when the last
/// page says so: no <c>next</c> link (or, for marker-only services, a page shorter than the limit).
/// </summary>
internal sealed class CollectionReader : ICollectionReader
{
    private readonly IOpenStackClient _client;

    public CollectionReader(IOpenStackClient client) => _client = client;

    public async IAsyncEnumerable<ListedItem> ReadAllAsync(CollectionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? marker = null;
        var pages = 0;
        while (true)
        {
            var pathAndQuery = PageQuery.Build(request, marker);
            var body = await _client.GetAsync(new OpenStackRequest(request.ServiceType, pathAndQuery, request.Version), cancellationToken);
            var page = Parse(body, request, pathAndQuery);
            pages++;
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.NextMarker is null)
            {
                yield break;
            }

            // A service that hands back the marker it was given would loop forever; that list is broken.
            if (page.NextMarker == marker)
            {
                throw new OpenStackException($"{request.ServiceType} GET {request.Path} returned the same next marker '{marker}' twice (page {pages}); the listing cannot complete.");
            }

            marker = page.NextMarker;
        }
    }

    private static Page Parse(byte[] body, CollectionRequest request, string pathAndQuery)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(request.CollectionKey, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new OpenStackException($"{request.ServiceType} GET {request.Path} answered a body without a '{request.CollectionKey}' array.");
            }

            var items = new List<ListedItem>(array.GetArrayLength());
            foreach (var element in array.EnumerateArray())
            {
                items.Add(new ListedItem(ReadId(element, request), JsonMarshal.GetRawUtf8Value(element).ToArray()));
            }

            return new Page(items, NextMarker(root, request, items));
        }
        catch (JsonException ex)
        {
            throw new OpenStackException($"{request.ServiceType} GET {pathAndQuery} answered JSON that cannot be parsed: {ex.Message}", ex);
        }
    }

    private static string ReadId(JsonElement element, CollectionRequest request)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(request.IdProperty, out var id))
        {
            switch (id.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrEmpty(id.GetString()):
                    return id.GetString()!;
                case JsonValueKind.Number:
                    return id.GetRawText();
            }
        }

        throw new OpenStackException($"{request.ServiceType} GET {request.Path} listed an item without a usable '{request.IdProperty}'.");
    }

    private static string? NextMarker(JsonElement root, CollectionRequest request, List<ListedItem> items)
    {
        if (request.LinksKey is null)
        {
            return items.Count >= request.PageSize && items.Count > 0 ? items[^1].Id : null;
        }

        var next = PageQuery.FindNextLink(root, request.LinksKey);
        if (next is null)
        {
            return null;
        }

        // Take only the marker from the link: behind a proxy, services often write links with an
        // internal host name, and the link must never send our token anywhere but the catalog endpoint.
        return PageQuery.MarkerOf(next)
            ?? throw new OpenStackException($"{request.ServiceType} GET {request.Path} gave a next link without a marker: {next}");
    }

    private sealed record Page(List<ListedItem> Items, string? NextMarker);
}
