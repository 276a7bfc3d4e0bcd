using System.Text.Json;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's heat stacks.</summary>
public sealed partial class SimulatorControlClient
{
    /// <summary>Adds <paramref name="count"/> CREATE_COMPLETE stacks spread round-robin over <paramref name="projects"/> projects (the first is the admin project).</summary>
    public Task SeedStacksAsync(int count, int projects = 1, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "control/stacks/seed", new { count, projects }, ct);

    /// <summary>Creates one stack (CREATE_COMPLETE unless <paramref name="stackStatus"/> says otherwise) and returns its id; a taken name in the project is a 409.</summary>
    public Task<string> CreateStackAsync(string? name = null, string? projectId = null, string? stackStatus = null, CancellationToken ct = default) =>
        SendForIdAsync(HttpMethod.Post, "control/stacks", new { name, project_id = projectId, stack_status = stackStatus }, ct);

    /// <summary>Updates a stack: UPDATE_COMPLETE unless <paramref name="stackStatus"/> says otherwise (e.g. UPDATE_FAILED), bumping <c>updated_time</c>.</summary>
    public Task UpdateStackAsync(string id, string? stackStatus = null, IReadOnlyList<string>? tags = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, "control/stacks/" + Uri.EscapeDataString(id), new { stack_status = stackStatus, tags }, ct);

    /// <summary>Deletes a stack; as in heat it still works as a paging marker.</summary>
    public Task DeleteStackAsync(string id, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, "control/stacks/" + Uri.EscapeDataString(id), body: null, ct);

    /// <summary>Every live stack as heat lists it to an admin (with <c>project</c>), newest first.</summary>
    public Task<IReadOnlyList<JsonElement>> GetStacksAsync(CancellationToken ct = default) =>
        GetListAsync("control/stacks", "stacks", ct);
}
