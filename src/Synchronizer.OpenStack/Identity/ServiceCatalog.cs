using System.Text.Json;

namespace Synchronizer.OpenStack.Identity;

/// <summary>The Keystone v3 service catalog: endpoints by service type, interface and region.</summary>
public sealed class ServiceCatalog
{
    private readonly IReadOnlyList<CatalogEndpoint> _endpoints;

    private ServiceCatalog(IReadOnlyList<CatalogEndpoint> endpoints) => _endpoints = endpoints;

    /// <summary>Reads the <c>catalog</c> array of a token response.</summary>
    /// <param name="catalog">The JSON array <c>token.catalog</c>.</param>
    /// <returns>The parsed catalog.</returns>
    public static ServiceCatalog Parse(JsonElement catalog)
    {
        var endpoints = new List<CatalogEndpoint>();
        if (catalog.ValueKind != JsonValueKind.Array)
        {
            return new ServiceCatalog(endpoints);
        }

        foreach (var service in catalog.EnumerateArray())
        {
            var type = service.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type is null || !service.TryGetProperty("endpoints", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var endpoint in list.EnumerateArray())
            {
                var url = endpoint.TryGetProperty("url", out var u) ? u.GetString() : null;
                var iface = endpoint.TryGetProperty("interface", out var i) ? i.GetString() : null;
                if (url is null || iface is null)
                {
                    continue;
                }

                // Keystone v3 names the region in "region_id"; "region" is the deprecated v2-era alias.
                var region = endpoint.TryGetProperty("region_id", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()
                    : endpoint.TryGetProperty("region", out r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                endpoints.Add(new CatalogEndpoint(type, iface, region, url));
            }
        }

        return new ServiceCatalog(endpoints);
    }

    /// <summary>Finds the endpoint URL of a service.</summary>
    /// <param name="serviceType">The catalog service type, for example <c>compute</c>.</param>
    /// <param name="endpointInterface">public, internal or admin.</param>
    /// <param name="region">The region; empty matches any.</param>
    /// <returns>The endpoint URL, without a trailing slash.</returns>
    /// <exception cref="OpenStackException">The catalog has no such endpoint.</exception>
    public Uri GetEndpoint(string serviceType, string endpointInterface, string region)
    {
        var match = _endpoints.FirstOrDefault(e =>
            e.ServiceType == serviceType
            && string.Equals(e.Interface, endpointInterface, StringComparison.OrdinalIgnoreCase)
            && (string.IsNullOrEmpty(region) || e.Region == region));
        if (match is null)
        {
            var known = string.Join(", ", _endpoints.Select(e => $"{e.ServiceType}/{e.Interface}/{e.Region}").Distinct());
            throw new OpenStackException(
                $"The service catalog has no '{serviceType}' endpoint for interface '{endpointInterface}' in region '{region}' (catalog has: {known}).");
        }

        return new Uri(match.Url.TrimEnd('/'));
    }

    private sealed record CatalogEndpoint(string ServiceType, string Interface, string? Region, string Url);
}
