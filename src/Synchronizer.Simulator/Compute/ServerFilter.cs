using System.Text.RegularExpressions;

namespace Synchronizer.Simulator.Compute;

/// <summary>The list filters nova applies in the database query: project, status and name.</summary>
internal sealed record ServerFilter(string? ProjectId, IReadOnlyList<string> Statuses, Regex? Name)
{
    public static readonly ServerFilter None = new(null, [], null);

    public bool Matches(ServerRecord server) =>
        (ProjectId is null || server.ProjectId == ProjectId)
        && (Statuses.Count == 0 || Statuses.Contains(server.Status, StringComparer.OrdinalIgnoreCase))
        && (Name is null || Name.IsMatch(server.Name));
}
