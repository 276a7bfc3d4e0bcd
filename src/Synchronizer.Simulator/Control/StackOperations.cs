using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Notifications;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Control;

/// <summary>What the control API and churn do to heat: seed, create, update and delete stacks.</summary>
internal sealed class StackOperations
{
    private readonly ResourceStore<StackRecord> _store;
    private readonly StackFactory _factory;
    private readonly ProjectDirectory _projects;
    private readonly HeatNotifier _notifier;

    public StackOperations(ResourceStore<StackRecord> store, StackFactory factory, ProjectDirectory projects, HeatNotifier notifier)
    {
        _store = store;
        _factory = factory;
        _projects = projects;
        _notifier = notifier;
    }

    /// <summary>Adds <paramref name="count"/> CREATE_COMPLETE stacks round-robin over the projects, one second apart up to now; no notifications.</summary>
    public IReadOnlyList<ProjectRecord> Seed(int count, int projects)
    {
        var owners = _projects.Projects(projects);
        var now = _projects.Now;
        var first = _store.Count;
        _store.Add(Enumerable.Range(0, count).Select(i =>
        {
            var project = owners[i % owners.Count];
            var user = _projects.UserOf(project.Id);
            return _factory.Create($"seed-stack-{first + i + 1:D6}", project.Id, user.Id, user.Name, "CREATE_COMPLETE", now.AddSeconds(i + 1 - count));
        }).ToArray());
        return owners;
    }

    /// <exception cref="ArgumentException">The status is unknown.</exception>
    /// <exception cref="InvalidOperationException">The project already has a stack of that name (heat's StackExists, a 409).</exception>
    public StackRecord Create(string? name, string? projectId, string? stackStatus)
    {
        projectId ??= _projects.AdminProjectId;
        if (name is not null && _store.Page(null, s => s.Name == name && s.ProjectId == projectId, 1).Length > 0)
        {
            throw new InvalidOperationException($"The Stack ({name}) already exists.");
        }

        var user = _projects.UserOf(projectId);
        var stack = _factory.Create(name, projectId, user.Id, user.Name, stackStatus ?? "CREATE_COMPLETE", _projects.Now);
        _store.Add([stack]);
        _notifier.Created(stack);
        return stack;
    }

    /// <summary>A stack update (UPDATE_COMPLETE unless told otherwise), bumping updated_time; null when absent or deleted.</summary>
    /// <exception cref="ArgumentException">The status is unknown.</exception>
    public StackRecord? Update(string id, string? stackStatus, IReadOnlyList<string>? tags)
    {
        var (action, status) = StackFactory.Split(stackStatus ?? "UPDATE_COMPLETE");
        var now = _projects.Now;
        var after = _store.Update(id, stack => stack with
        {
            Action = action,
            Status = status,
            StatusReason = StackFactory.Reason(action, status),
            Tags = tags ?? stack.Tags,
            UpdatedAt = now,
        });
        if (after is not null)
        {
            _notifier.Updated(after);
        }

        return after;
    }

    /// <summary>Deletes a stack (DELETE_COMPLETE); it stays usable as a paging marker, as in heat.</summary>
    public StackRecord? Delete(string id)
    {
        var now = _projects.Now;
        StackRecord? before = null;
        var after = _store.Update(id, stack =>
        {
            before = stack;
            return stack with { Action = "DELETE", Status = "COMPLETE", StatusReason = StackFactory.Reason("DELETE", "COMPLETE"), DeletedAt = now, UpdatedAt = now };
        });
        if (after is not null)
        {
            _notifier.Deleted(before!, after);
        }

        return after;
    }
}
