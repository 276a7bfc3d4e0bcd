using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Notifications;

namespace Synchronizer.Simulator.Control;

/// <summary>What the control API and churn do to the cloud: seed, create, update and delete servers.</summary>
internal sealed class ServerOperations
{
    private readonly ServerStore _store;
    private readonly ServerFactory _factory;
    private readonly ProjectDirectory _projects;
    private readonly NovaNotifier _notifier;

    public ServerOperations(ServerStore store, ServerFactory factory, ProjectDirectory projects, NovaNotifier notifier)
    {
        _store = store;
        _factory = factory;
        _projects = projects;
        _notifier = notifier;
    }

    /// <summary>
    /// Adds <paramref name="count"/> ACTIVE servers round-robin over the projects, launched one second
    /// apart up to now, so they page in a realistic created_at order. Seeding stands for a cloud that
    /// was already there, so it sends no notifications.
    /// </summary>
    public IReadOnlyList<ProjectRecord> Seed(int count, int projects)
    {
        var owners = _projects.Projects(projects);
        var now = _projects.Now;
        var first = _store.Count;
        var servers = Enumerable.Range(0, count).Select(i =>
        {
            var project = owners[i % owners.Count];
            var name = $"seed-{first + i + 1:D6}";
            return _factory.Create(name, project.Id, _projects.UserOf(project.Id).Id, "ACTIVE", now.AddSeconds(i + 1 - count));
        });
        _store.Add([.. servers]);
        return owners;
    }

    /// <exception cref="ArgumentException">The status is not one nova reports.</exception>
    public ServerRecord Create(string? name, string? projectId, string? status)
    {
        projectId ??= _projects.AdminProjectId;
        var server = _factory.Create(name, projectId, _projects.UserOf(projectId).Id, status ?? "ACTIVE", _projects.Now);
        var created = _store.Add([server])[0];
        _notifier.Created(created);
        return created;
    }

    /// <summary>The updated server; null when it does not exist or is deleted.</summary>
    /// <exception cref="ArgumentException">The status is not one nova reports.</exception>
    public ServerRecord? Update(string id, string? name, string? status, IReadOnlyDictionary<string, string>? metadata)
    {
        if (status is not null && !ServerStates.TryTarget(status, out _))
        {
            throw new ArgumentException($"Unknown status '{status}'; expected one of: {string.Join(", ", ServerStates.Statuses)}.", nameof(status));
        }

        var now = _projects.Now;
        var placement = _factory.PickHost();
        ServerRecord? before = null;
        var after = _store.Update(id, server =>
        {
            before = server;
            if (name is not null)
            {
                server = ServerMutations.Renamed(server, name, now);
            }

            if (metadata is not null)
            {
                server = ServerMutations.WithMetadata(server, metadata, now);
            }

            return status is null ? server : ServerMutations.WithStatus(server, status, now, placement);
        });
        if (after is not null)
        {
            _notifier.Updated(before!, after);
        }

        return after;
    }

    public ServerRecord? Delete(string id)
    {
        var now = _projects.Now;
        ServerRecord? before = null;
        var after = _store.Update(id, server =>
        {
            before = server;
            return ServerMutations.Deleted(server, now);
        });
        if (after is not null)
        {
            _notifier.Deleted(before!, after);
        }

        return after;
    }
}
