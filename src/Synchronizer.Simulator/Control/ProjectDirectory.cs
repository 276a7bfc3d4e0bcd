using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Control;

/// <summary>
/// Who owns what the control API seeds and creates: the admin project first, then sim-project-2...;
/// the demo project belongs to the demo user, every other one to admin. Also the database clock.
/// </summary>
internal sealed class ProjectDirectory
{
    private readonly IdentityDirectory _directory;
    private readonly TimeProvider _time;

    public ProjectDirectory(IdentityDirectory directory, TimeProvider time)
    {
        _directory = directory;
        _time = time;
    }

    public string AdminProjectId => _directory.Admin.Project.Id;

    /// <summary>The services keep whole seconds (MySQL DATETIME), so every timestamp is cut to the second.</summary>
    public DateTime Now
    {
        get
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        }
    }

    /// <summary>The admin project first, then <c>sim-project-2</c>... up to <paramref name="count"/> projects.</summary>
    public IReadOnlyList<ProjectRecord> Projects(int count) =>
        [_directory.Admin.Project, .. Enumerable.Range(2, Math.Max(0, count - 1)).Select(i => _directory.EnsureProject($"sim-project-{i}"))];

    public UserAccount UserOf(string projectId) =>
        projectId == _directory.Demo.Project.Id ? _directory.Demo : _directory.Admin;
}
