using System.Net;
using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>Nova's servers, hypervisors and zones, as the tests drive and read them.</summary>
internal sealed class NovaApi
{
    // The microversion the synchronizer negotiates by default (its [nova] microversion, below Zed's 2.93),
    // so both sides read the same representation. Nova reads the header only for >= 2.27, which this is.
    public const string Microversion = "compute 2.79";

    private const string Compute = "compute";
    private readonly CloudSession _session;
    private string? _imageId;

    public NovaApi(CloudSession session) => _session = session;

    /// <summary>Boots a server of flavor 1 from the fake image, with no network (REALSTACK pitfall 4); returns its id.</summary>
    public async Task<string> CreateServerAsync(string name, CancellationToken cancellationToken = default)
    {
        _imageId ??= await ImageIdAsync(cancellationToken);
        var body = new { server = new { name, imageRef = _imageId, flavorRef = "1", networks = "none", metadata = new Dictionary<string, string> { ["test"] = "realcloud" } } };
        var response = await _session.SendAsync(Compute, HttpMethod.Post, "/servers", body, Microversion, cancellationToken);
        return response.Expect(HttpStatusCode.Accepted).Json.GetProperty("server").GetProperty("id").GetString()!;
    }

    public async Task RenameServerAsync(string id, string name, CancellationToken cancellationToken = default) =>
        (await _session.SendAsync(Compute, HttpMethod.Put, $"/servers/{id}", new { server = new { name } }, Microversion, cancellationToken))
            .Expect(HttpStatusCode.OK);

    public async Task StopServerAsync(string id, CancellationToken cancellationToken = default) =>
        (await _session.SendAsync(Compute, HttpMethod.Post, $"/servers/{id}/action", new Dictionary<string, object?> { ["os-stop"] = null }, Microversion, cancellationToken))
            .Expect(HttpStatusCode.Accepted);

    /// <summary>Deletes a server; one that is already gone is fine (clean-up calls it again).</summary>
    public async Task DeleteServerAsync(string id, CancellationToken cancellationToken = default) =>
        (await _session.SendAsync(Compute, HttpMethod.Delete, $"/servers/{id}", null, Microversion, cancellationToken))
            .Expect(HttpStatusCode.NoContent, HttpStatusCode.NotFound);

    /// <summary>The server's show view, or null once it is gone.</summary>
    public async Task<JsonElement?> GetServerAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await _session.SendAsync(Compute, HttpMethod.Get, $"/servers/{id}", null, Microversion, cancellationToken);
        return response.Status == HttpStatusCode.NotFound ? null : response.Expect().Json.GetProperty("server");
    }

    public Task<JsonElement?> WaitForServerAsync(string id, Func<JsonElement?, bool> done, TimeSpan timeout, string what) =>
        Eventually.UntilAsync(() => GetServerAsync(id), done, timeout, $"server {id} {what}");

    /// <summary>Every server of every project (admin only).</summary>
    public Task<IReadOnlyList<JsonElement>> ListServersAsync(CancellationToken cancellationToken = default) =>
        PagedList.ReadAsync(_session, Compute, "/servers/detail?all_tenants=1", "servers", "servers_links", Microversion, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> ListHypervisorsAsync(CancellationToken cancellationToken = default) =>
        PagedList.ReadAsync(_session, Compute, "/os-hypervisors/detail", "hypervisors", "hypervisors_links", Microversion, cancellationToken);

    public async Task<IReadOnlyList<JsonElement>> ListZonesAsync(CancellationToken cancellationToken = default)
    {
        var body = (await _session.SendAsync(Compute, HttpMethod.Get, "/os-availability-zone/detail", null, Microversion, cancellationToken)).Expect().Json;
        return [.. body.GetProperty("availabilityZoneInfo").EnumerateArray()];
    }

    private async Task<string> ImageIdAsync(CancellationToken cancellationToken)
    {
        var images = (await _session.SendAsync("image", HttpMethod.Get, "/v2/images?name=fake-image", null, null, cancellationToken)).Expect().Json;
        return images.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).FirstOrDefault()
            ?? throw new InvalidOperationException("The cloud has no image named fake-image (scripts/realstack up creates it).");
    }
}
