using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Control;

/// <summary>What the control API and churn do to the cloud: seed, create, update and delete servers.</summary>
internal sealed class ServerOperations
{
    private readonly ServerStore _store;
    private readonly ServerFactory _factory;
    private readonly IdentityDirectory _directory;
    private readonly TimeProvider _time;

    public ServerOperations(ServerStore store, ServerFactory factory, IdentityDirectory directory, TimeProvider time)
    {
        _store = store;
        _factory = factory;
        _directory = directory;
        _time = time;
    }

    /// <summary>Nova keeps whole seconds (MySQL DATETIME), so every timestamp is cut to the second.</summary>
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

    /// <summary>
    /// Adds <paramref name="count"/> ACTIVE servers round-robin over the projects, launched one second
    /// apart up to now, so they page in a realistic created_at order.
    /// </summary>
    public IReadOnlyList<ProjectRecord> Seed(int count, int projects)
    {
        var owners = Projects(projects);
        var now = Now;
        var first = _store.Count;
        var servers = Enumerable.Range(0, count).Select(i =>
        {
            var project = owners[i % owners.Count];
            var name = $"seed-{first + i + 1:D6}";
            return _factory.Create(name, project.Id, UserOf(project.Id), "ACTIVE", now.AddSeconds(i + 1 - count));
        });
        _store.Add([.. servers]);
        return owners;
    }

    /// <exception cref="ArgumentException">The status is not one nova reports.</exception>
    public ServerRecord Create(string? name, string? projectId, string? status)
    {
        projectId ??= _directory.Admin.Project.Id;
        var server = _factory.Create(name, projectId, UserOf(projectId), status ?? "ACTIVE", Now);
        return _store.Add([server])[0];
    }

    /// <summary>The updated server; null when it does not exist or is deleted.</summary>
    /// <exception cref="ArgumentException">The status is not one nova reports.</exception>
    public ServerRecord? Update(string id, string? name, string? status, IReadOnlyDictionary<string, string>? metadata)
    {
        if (status is not null && !ServerStates.TryTarget(status, out _))
        {
            throw new ArgumentException($"Unknown status '{status}'; expected one of: {string.Join(", ", ServerStates.Statuses)}.", nameof(status));
        }

        var now = Now;
        var host = _factory.PickHost();
        return _store.Update(id, server =>
        {
            if (name is not null)
            {
                server = ServerMutations.Renamed(server, name, now);
            }

            if (metadata is not null)
            {
                server = ServerMutations.WithMetadata(server, metadata, now);
            }

            return status is null ? server : ServerMutations.WithStatus(server, status, now, host);
        });
    }

    public ServerRecord? Delete(string id)
    {
        var now = Now;
        return _store.Update(id, server => ServerMutations.Deleted(server, now));
    }

    private string UserOf(string projectId) =>
        projectId == _directory.Demo.Project.Id ? _directory.Demo.Id : _directory.Admin.Id;
}
