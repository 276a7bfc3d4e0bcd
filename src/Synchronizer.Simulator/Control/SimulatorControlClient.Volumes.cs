using System.Text.Json;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's cinder volumes.</summary>
public sealed partial class SimulatorControlClient
{
    /// <summary>Adds <paramref name="count"/> available volumes spread round-robin over <paramref name="projects"/> projects (the first is the admin project).</summary>
    public Task SeedVolumesAsync(int count, int projects = 1, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "control/volumes/seed", new { count, projects }, ct);

    /// <summary>Creates one volume (available unless <paramref name="status"/> says otherwise) and returns its id; cinder sends volume.create.start/end.</summary>
    public Task<string> CreateVolumeAsync(string? name = null, string? projectId = null, int? size = null, string? status = null, CancellationToken ct = default) =>
        SendForIdAsync(HttpMethod.Post, "control/volumes", new { name, project_id = projectId, size, status }, ct);

    /// <summary>Renames a volume, moves it to a cinder status (available, in-use, error...) and/or extends it, bumping <c>updated_at</c>.</summary>
    public Task UpdateVolumeAsync(string id, string? name = null, string? status = null, int? size = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, "control/volumes/" + Uri.EscapeDataString(id), new { name, status, size }, ct);

    /// <summary>Replaces a volume's metadata, bumping <c>updated_at</c>.</summary>
    public Task SetVolumeMetadataAsync(string id, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, "control/volumes/" + Uri.EscapeDataString(id), new { metadata }, ct);

    /// <summary>Deletes a volume; as in cinder it then no longer works as a paging marker (404).</summary>
    public Task DeleteVolumeAsync(string id, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, "control/volumes/" + Uri.EscapeDataString(id), body: null, ct);

    /// <summary>Every live volume as cinder's <c>volumes/detail?all_tenants=1</c> shows it to the admin at <paramref name="microversion"/> (3.0 when null), newest first.</summary>
    public Task<IReadOnlyList<JsonElement>> GetVolumesAsync(string? microversion = null, CancellationToken ct = default) =>
        GetListAsync(WithMicroversion("control/volumes", microversion), "volumes", ct);
}
