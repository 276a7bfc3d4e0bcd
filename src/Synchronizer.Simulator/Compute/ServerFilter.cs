using System.Text.RegularExpressions;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// The list filters nova applies in the database query: project, status, name and changes-since. With
/// changes-since, deleted instances are listed too (nova sets no "deleted" filter then).
/// </summary>
internal sealed record ServerFilter(string? ProjectId, IReadOnlyList<string> Statuses, Regex? Name, DateTime? ChangesSince = null)
{
    public static readonly ServerFilter None = new(null, [], null);

    public bool Matches(ServerRecord server) =>
        (ChangesSince is { } since ? server.UpdatedAt >= since : !server.Deleted)
        && (ProjectId is null || server.ProjectId == ProjectId)
        && (Statuses.Count == 0 || Statuses.Contains(server.Status, StringComparer.OrdinalIgnoreCase))
        && (Name is null || Name.IsMatch(server.Name));
}
