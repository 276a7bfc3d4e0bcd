using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Tests.Support;

/// <summary>A bare HTTP client speaking to the simulator's OpenStack APIs the way a real client would.</summary>
internal sealed class OpenStackClient : IDisposable
{
    private readonly HttpClient _http;

    public OpenStackClient(SimulatorServer server)
    {
        _http = new HttpClient { BaseAddress = server.BaseAddress };
        Base = server.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>The simulator's root without a trailing slash, as it appears in catalogs and links.</summary>
    public string Base { get; }

    public static string PasswordBody(string user, string password, string project) =>
        JsonSerializer.Serialize(new
        {
            auth = new
            {
                identity = new { methods = new[] { "password" }, password = new { user = new { name = user, domain = new { name = "Default" }, password } } },
                scope = new { project = new { name = project, domain = new { name = "Default" } } },
            },
        });

    public Task<HttpResponseMessage> PostTokenAsync(string body) =>
        _http.PostAsync(new Uri("identity/v3/auth/tokens", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    public async Task<string> IssueTokenAsync(string user = "admin", string password = "secret", string project = "admin")
    {
        using var response = await PostTokenAsync(PasswordBody(user, password, project));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    /// <summary>The project id a user's token is scoped to.</summary>
    public async Task<string> ProjectIdAsync(string user, string password, string project)
    {
        using var response = await PostTokenAsync(PasswordBody(user, password, project));
        var body = await JsonAsync(response);
        return body.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token, string? microversion = null, string? legacyMicroversion = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        if (microversion is not null)
        {
            request.Headers.Add("OpenStack-API-Version", "compute " + microversion);
        }

        if (legacyMicroversion is not null)
        {
            request.Headers.Add("X-OpenStack-Nova-API-Version", legacyMicroversion);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>A GET with arbitrary extra headers, e.g. <c>("OpenStack-API-Version", "volume 3.69")</c>.</summary>
    public async Task<HttpResponseMessage> GetWithHeadersAsync(string path, string? token, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>The body of a GET that must succeed.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, string? token, params (string Name, string Value)[] headers)
    {
        using var response = await GetWithHeadersAsync(path, token, headers);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    /// <summary>
    /// Follows a collection's next links (under <paramref name="linksKey"/>) from <paramref name="firstPath"/>
    /// and returns every page's ids and next href.
    /// </summary>
    public async Task<List<(List<string> Ids, string? Next)>> ReadAllPagesAsync(
        string token, string firstPath, string collectionKey, string linksKey, params (string Name, string Value)[] headers)
    {
        var pages = new List<(List<string> Ids, string? Next)>();
        var path = firstPath;
        while (path is not null && pages.Count < 200)
        {
            var body = await GetJsonAsync(path, token, headers);
            var next = body.TryGetProperty(linksKey, out var links) ? links.EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString() : null;
            pages.Add(([.. body.GetProperty(collectionKey).EnumerateArray().Select(e => e.GetProperty("id").ToString())], next));
            path = next?[(Base.Length + 1)..];
        }

        return pages;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct = default) => _http.SendAsync(request, ct);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public void Dispose() => _http.Dispose();
}
