using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Notifications;

namespace Synchronizer.Simulator.Control;

/// <summary>What the control API and churn do to cinder: seed, create, update and delete volumes.</summary>
internal sealed class VolumeOperations
{
    private readonly ResourceStore<VolumeRecord> _store;
    private readonly VolumeFactory _factory;
    private readonly ProjectDirectory _projects;
    private readonly CinderNotifier _notifier;

    public VolumeOperations(ResourceStore<VolumeRecord> store, VolumeFactory factory, ProjectDirectory projects, CinderNotifier notifier)
    {
        _store = store;
        _factory = factory;
        _projects = projects;
        _notifier = notifier;
    }

    /// <summary>Adds <paramref name="count"/> available volumes round-robin over the projects, one second apart up to now; no notifications.</summary>
    public IReadOnlyList<ProjectRecord> Seed(int count, int projects)
    {
        var owners = _projects.Projects(projects);
        var now = _projects.Now;
        var first = _store.Count;
        _store.Add(Enumerable.Range(0, count).Select(i =>
        {
            var project = owners[i % owners.Count];
            return _factory.Create($"seed-vol-{first + i + 1:D6}", project.Id, _projects.UserOf(project.Id).Id, size: null, "available", now.AddSeconds(i + 1 - count));
        }).ToArray());
        return owners;
    }

    /// <exception cref="ArgumentException">The status is not one cinder reports, or the size is not positive.</exception>
    public VolumeRecord Create(string? name, string? projectId, int? size, string? status)
    {
        Validate(status, size);
        projectId ??= _projects.AdminProjectId;
        var volume = _factory.Create(name, projectId, _projects.UserOf(projectId).Id, size, status ?? "available", _projects.Now);
        _store.Add([volume]);
        _notifier.Created(volume);
        return volume;
    }

    /// <summary>The updated volume; null when it does not exist or is deleted.</summary>
    /// <exception cref="ArgumentException">The status is not one cinder reports, or the size is not positive.</exception>
    public VolumeRecord? Update(string id, string? name, string? status, int? size, IReadOnlyDictionary<string, string>? metadata)
    {
        Validate(status, size);
        var now = _projects.Now;
        VolumeRecord? before = null;
        var after = _store.Update(id, volume =>
        {
            before = volume;
            return volume with
            {
                Name = name ?? volume.Name,
                Status = status ?? volume.Status,
                Size = size ?? volume.Size,
                Metadata = metadata ?? volume.Metadata,
                LaunchedAt = volume.LaunchedAt ?? (status is "available" or "in-use" ? now : null),
                UpdatedAt = now,
            };
        });
        if (after is not null)
        {
            _notifier.Updated(before!, after);
        }

        return after;
    }

    /// <summary>Soft-deletes a volume: cinder then neither lists it nor accepts it as a marker.</summary>
    public VolumeRecord? Delete(string id)
    {
        var now = _projects.Now;
        VolumeRecord? before = null;
        var after = _store.Update(id, volume =>
        {
            before = volume;
            return volume with { Status = "deleted", UpdatedAt = now, DeletedAt = now };
        });
        if (after is not null)
        {
            _notifier.Deleted(before!, after);
        }

        return after;
    }

    private static void Validate(string? status, int? size)
    {
        if (status is not null && !BlockStorageCatalog.Statuses.Contains(status))
        {
            throw new ArgumentException($"Unknown volume status '{status}'; expected one of: {string.Join(", ", BlockStorageCatalog.Statuses)}.", nameof(status));
        }

        if (size is < 1)
        {
            throw new ArgumentException("size must be at least 1 (GiB).", nameof(size));
        }
    }
}
