using System.Globalization;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Notifications;

namespace Synchronizer.Simulator.Control;

/// <summary>What the control API does to nova's compute hosts: add, change and remove nodes (and their services).</summary>
internal sealed class HypervisorOperations
{
    private readonly HypervisorStore _store;
    private readonly ServerStore _servers;
    private readonly ServerOperations _serverOperations;
    private readonly SimulatorRandom _random;
    private readonly ProjectDirectory _projects;
    private readonly NovaNotifier _notifier;

    public HypervisorOperations(
        HypervisorStore store, ServerStore servers, ServerOperations serverOperations, SimulatorRandom random, ProjectDirectory projects, NovaNotifier notifier)
    {
        _store = store;
        _servers = servers;
        _serverOperations = serverOperations;
        _random = random;
        _projects = projects;
        _notifier = notifier;
    }

    /// <summary>Adds <paramref name="count"/> nodes named sim-compute-N in the default zone, up for weeks already; no notifications.</summary>
    public void Seed(int count)
    {
        var bootedAt = _projects.Now.AddDays(-41).AddHours(-3);
        for (var i = 0; i < count; i++)
        {
            Build(hostname: null, zone: null, vcpus: null, memoryMb: null, localGb: null, bootedAt.AddMinutes(i * 7));
        }
    }

    /// <summary>A new node, enabled and up; nova-compute announces its service (service.create).</summary>
    /// <exception cref="ArgumentException">The host name is taken or a size is not positive.</exception>
    public HypervisorRecord Add(string? hostname, string? zone, int? vcpus, int? memoryMb, int? localGb)
    {
        var node = Build(hostname, zone, vcpus, memoryMb, localGb, _projects.Now);
        _notifier.ServiceChanged("service.create", node);
        return node;
    }

    /// <summary>Enables or disables the compute service, or takes it down (its reports stop) or up; null when unknown.</summary>
    /// <exception cref="ArgumentException">status is not enabled/disabled or state not up/down.</exception>
    public HypervisorRecord? Update(string key, string? status, string? state, string? disabledReason)
    {
        if (status is not (null or "enabled" or "disabled") || state is not (null or "up" or "down"))
        {
            throw new ArgumentException("status must be \"enabled\" or \"disabled\", state \"up\" or \"down\".");
        }

        var now = _projects.Now;
        var node = _store.Update(key, n =>
        {
            var disabled = status is null ? n.Disabled : status == "disabled";
            return n with
            {
                Disabled = disabled,
                DisabledReason = disabled ? disabledReason ?? n.DisabledReason : null,
                DownSince = state switch { "down" => n.DownSince ?? n.LastReport(now), "up" => null, _ => n.DownSince },
            };
        });
        if (node is not null)
        {
            _notifier.ServiceChanged("service.update", node);
        }

        return node;
    }

    /// <summary>Deletes the compute service and its node; null when unknown.</summary>
    /// <exception cref="InvalidOperationException">Servers still run there and <paramref name="deleteServers"/> is false (nova's 409).</exception>
    public HypervisorRecord? Remove(string key, bool deleteServers)
    {
        if (_store.Find(key) is not { } node)
        {
            return null;
        }

        var servers = _servers.OnHost(node.Hostname);
        if (servers.Length > 0 && !deleteServers)
        {
            throw new InvalidOperationException(
                $"Unable to delete compute service that is hosting instances ({servers.Length} on {node.Hostname}). Migrate or delete the instances first.");
        }

        foreach (var server in servers)
        {
            _serverOperations.Delete(server.Id);
        }

        var removed = _store.Remove(node.Uuid);
        if (removed is not null)
        {
            _notifier.ServiceChanged("service.delete", removed);
        }

        return removed;
    }

    private HypervisorRecord Build(string? hostname, string? zone, int? vcpus, int? memoryMb, int? localGb, DateTime createdAt)
    {
        if (vcpus is < 1 || memoryMb is < 1 || localGb is < 1)
        {
            throw new ArgumentException("vcpus, memory_mb and local_gb must be positive.");
        }

        var (uuid, serviceUuid) = (_random.NewGuid().ToString("D"), _random.NewGuid().ToString("D"));
        return _store.Add((id, serviceId) => new HypervisorRecord
        {
            Id = id,
            Uuid = uuid,
            Hostname = hostname ?? string.Create(CultureInfo.InvariantCulture, $"sim-compute-{id}"),
            Zone = zone ?? ComputeServices.DefaultZone,
            ServiceId = serviceId,
            ServiceUuid = serviceUuid,
            HostIp = string.Create(CultureInfo.InvariantCulture, $"10.1.{(id >> 8) & 0xFF}.{id & 0xFF}"),
            Vcpus = vcpus ?? 64,
            MemoryMb = memoryMb ?? 262_144,
            LocalGb = localGb ?? 4_096,
            CreatedAt = createdAt,
        });
    }
}
