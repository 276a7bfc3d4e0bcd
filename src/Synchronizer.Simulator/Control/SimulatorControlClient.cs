using System.Text.Json;
using Synchronizer.Simulator.Faults;

namespace Synchronizer.Simulator.Control;

/// <summary>
/// Drives a running simulator through its control API (<c>/control</c>): seed and change servers,
/// volumes, stacks and hypervisors, read the ground truth, inject faults, revoke tokens, set churn.
/// </summary>
public sealed partial class SimulatorControlClient
{
    private readonly HttpClient _http;

    /// <summary>Creates a client over <paramref name="http"/>, whose BaseAddress must be the simulator's root.</summary>
    /// <param name="http">The HTTP client; the caller keeps owning it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="http"/> is null.</exception>
    public SimulatorControlClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <summary>Adds <paramref name="count"/> ACTIVE servers spread round-robin over <paramref name="projects"/> projects (the first is the admin project).</summary>
    public Task SeedServersAsync(int count, int projects = 1, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "control/servers/seed", new { count, projects }, ct);

    /// <summary>Creates one ACTIVE server and returns its id; defaults are a generated name and the admin project.</summary>
    public async Task<string> CreateServerAsync(string? name = null, string? projectId = null, CancellationToken ct = default)
    {
        using var document = await SendForJsonAsync(HttpMethod.Post, "control/servers", new { name, project_id = projectId }, ct);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Renames a server and/or moves it to an API status (ACTIVE, SHUTOFF, ERROR, PAUSED...), bumping <c>updated</c>.</summary>
    public Task UpdateServerAsync(string id, string? name = null, string? status = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, "control/servers/" + Uri.EscapeDataString(id), new { name, status }, ct);

    /// <summary>Replaces a server's metadata, bumping <c>updated</c>.</summary>
    public Task SetServerMetadataAsync(string id, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, "control/servers/" + Uri.EscapeDataString(id), new { metadata }, ct);

    /// <summary>Deletes a server; it stays usable as a paging marker, as in nova.</summary>
    public Task DeleteServerAsync(string id, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, "control/servers/" + Uri.EscapeDataString(id), body: null, ct);

    /// <summary>Every live server as nova returns it to an admin at microversion 2.1, in nova's order.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetServersAsync(CancellationToken ct = default)
    {
        using var document = await SendForJsonAsync(HttpMethod.Get, "control/servers", body: null, ct);
        return [.. document.RootElement.GetProperty("servers").Clone().EnumerateArray()];
    }

    /// <summary>Adds a fault rule; rules apply in the order they were added.</summary>
    public Task InjectFaultAsync(FaultRule rule, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return SendAsync(HttpMethod.Post, "control/faults", rule, ct);
    }

    /// <summary>Removes every fault rule.</summary>
    public Task ClearFaultsAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Delete, "control/faults", body: null, ct);

    /// <summary>Revokes every issued token; the next API call with one of them gets a 401.</summary>
    public Task RevokeTokensAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Post, "control/tokens/revoke", body: null, ct);

    /// <summary>Sets the random changes per second; 0 stops churn.</summary>
    public Task SetChurnAsync(double perSecond, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "control/churn", new { per_second = perSecond }, ct);

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, body, ct);
    }

    private async Task<IReadOnlyList<JsonElement>> GetListAsync(string path, string property, CancellationToken ct)
    {
        using var document = await SendForJsonAsync(HttpMethod.Get, path, body: null, ct);
        return [.. document.RootElement.GetProperty(property).Clone().EnumerateArray()];
    }

    private async Task<string> SendForIdAsync(HttpMethod method, string path, object body, CancellationToken ct)
    {
        using var document = await SendForJsonAsync(method, path, body, ct);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    private static string WithMicroversion(string path, string? microversion) =>
        microversion is null ? path : path + "?microversion=" + Uri.EscapeDataString(microversion);

    private async Task<JsonDocument> SendForJsonAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, body, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await JsonDocument.ParseAsync(stream, cancellationToken: ct);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ControlJson.Options);
        }

        var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw new HttpRequestException($"{method} /{path} failed with {(int)response.StatusCode}: {text}", inner: null, response.StatusCode);
        }

        return response;
    }
}
