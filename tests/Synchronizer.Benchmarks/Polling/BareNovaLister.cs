using System.Net.Http.Json;
using System.Text.Json;

namespace Synchronizer.Benchmarks.Polling;

/// <summary>
/// The baseline: the least a client can do to list every server. One token, then each page fetched
/// with a bare HttpClient and its next link read; no canonicalization, hashing or change detection.
/// </summary>
internal sealed class BareNovaLister : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Uri _identity;
    private string? _token;
    private Uri? _compute;

    public BareNovaLister(Uri identity) => _identity = identity;

    public void Dispose() => _http.Dispose();

    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureTokenAsync(cancellationToken);
        var count = 0;
        var next = new Uri(_compute + "/servers/detail?all_tenants=1&limit=1000");
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("X-Auth-Token", _token);
            request.Headers.Add("OpenStack-API-Version", "compute 2.79");
            using var response = await _http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            count += page.RootElement.GetProperty("servers").GetArrayLength();
            next = page.RootElement.TryGetProperty("servers_links", out var links) && links.GetArrayLength() > 0
                ? new Uri(links[0].GetProperty("href").GetString()!)
                : null;
        }

        return count;
    }

    /// <summary>Reads one server (<c>GET /servers/{id}</c>), as the push path's re-read does, and returns the body's size.</summary>
    public async Task<int> GetServerAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureTokenAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_compute + "/servers/" + Uri.EscapeDataString(id)));
        request.Headers.Add("X-Auth-Token", _token);
        request.Headers.Add("OpenStack-API-Version", "compute 2.79");
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var server = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        return server.RootElement.GetProperty("server").GetRawText().Length;
    }

    private async Task EnsureTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null)
        {
            return;
        }

        var body = new
        {
            auth = new
            {
                identity = new { methods = new[] { "password" }, password = new { user = new { name = "admin", domain = new { name = "Default" }, password = "secret" } } },
                scope = new { project = new { name = "admin", domain = new { name = "Default" } } },
            },
        };
        using var response = await _http.PostAsJsonAsync(new Uri(_identity + "/auth/tokens"), body, cancellationToken);
        response.EnsureSuccessStatusCode();
        _token = response.Headers.GetValues("X-Subject-Token").First();
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var compute = document.RootElement.GetProperty("token").GetProperty("catalog").EnumerateArray().First(s => s.GetProperty("type").GetString() == "compute");
        _compute = new Uri(compute.GetProperty("endpoints").EnumerateArray().First(e => e.GetProperty("interface").GetString() == "public").GetProperty("url").GetString()!);
    }
}
