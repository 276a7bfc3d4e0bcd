using System.Net;
using System.Text.Json;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>Cinder's volumes, as the tests drive and read them.</summary>
internal sealed class CinderApi
{
    // The synchronizer's default [cinder] microversion. Cinder refuses a header that names no "volume".
    public const string Microversion = "volume 3.59";

    private const string VolumeV3 = "volumev3";
    private readonly CloudSession _session;

    public CinderApi(CloudSession session) => _session = session;

    /// <summary>Creates a 1 GB volume on the fake backend; returns its id.</summary>
    public async Task<string> CreateVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        var body = new { volume = new { name, size = 1, metadata = new Dictionary<string, string> { ["test"] = "realcloud" } } };
        var response = await _session.SendAsync(VolumeV3, HttpMethod.Post, "/volumes", body, Microversion, cancellationToken);
        return response.Expect(HttpStatusCode.Accepted).Json.GetProperty("volume").GetProperty("id").GetString()!;
    }

    public async Task RenameVolumeAsync(string id, string name, CancellationToken cancellationToken = default) =>
        (await _session.SendAsync(VolumeV3, HttpMethod.Put, $"/volumes/{id}", new { volume = new { name } }, Microversion, cancellationToken))
            .Expect(HttpStatusCode.OK);

    /// <summary>Deletes a volume; one that is already gone is fine (clean-up calls it again).</summary>
    public async Task DeleteVolumeAsync(string id, CancellationToken cancellationToken = default) =>
        (await _session.SendAsync(VolumeV3, HttpMethod.Delete, $"/volumes/{id}", null, Microversion, cancellationToken))
            .Expect(HttpStatusCode.Accepted, HttpStatusCode.NotFound);

    /// <summary>The volume's show view, or null once it is gone.</summary>
    public async Task<JsonElement?> GetVolumeAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await _session.SendAsync(VolumeV3, HttpMethod.Get, $"/volumes/{id}", null, Microversion, cancellationToken);
        return response.Status == HttpStatusCode.NotFound ? null : response.Expect().Json.GetProperty("volume");
    }

    public Task<JsonElement?> WaitForVolumeAsync(string id, Func<JsonElement?, bool> done, TimeSpan timeout, string what) =>
        Eventually.UntilAsync(() => GetVolumeAsync(id), done, timeout, $"volume {id} {what}");

    /// <summary>Every volume of every project (admin only).</summary>
    public Task<IReadOnlyList<JsonElement>> ListVolumesAsync(CancellationToken cancellationToken = default) =>
        PagedList.ReadAsync(_session, VolumeV3, "/volumes/detail?all_tenants=1", "volumes", "volumes_links", Microversion, cancellationToken);
}
