using System.Globalization;

namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>The compute nodes, in nova's list order (ascending id), found by UUID, integer id or host name.</summary>
internal sealed class HypervisorStore
{
    private readonly Lock _gate = new();
    private readonly List<HypervisorRecord> _nodes = [];
    private int _lastId;
    private int _lastServiceId = ComputeServices.FirstComputeServiceId - 1;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    public HypervisorRecord[] All()
    {
        lock (_gate)
        {
            return [.. _nodes];
        }
    }

    /// <summary>Adds a node built from its new (id, service id); the host name must be new.</summary>
    /// <exception cref="ArgumentException">A node with that host name exists.</exception>
    public HypervisorRecord Add(Func<int, int, HypervisorRecord> build)
    {
        lock (_gate)
        {
            var node = build(_lastId + 1, _lastServiceId + 1);
            if (_nodes.Exists(n => n.Hostname == node.Hostname))
            {
                throw new ArgumentException($"A hypervisor named '{node.Hostname}' exists.");
            }

            _lastId = node.Id;
            _lastServiceId = node.ServiceId;
            _nodes.Add(node);
            return node;
        }
    }

    /// <summary>The node with that UUID, integer id or host name; null when there is none.</summary>
    public HypervisorRecord? Find(string key)
    {
        lock (_gate)
        {
            return _nodes.Find(n => Is(n, key));
        }
    }

    public HypervisorRecord? Update(string key, Func<HypervisorRecord, HypervisorRecord> change)
    {
        lock (_gate)
        {
            var index = _nodes.FindIndex(n => Is(n, key));
            if (index < 0)
            {
                return null;
            }

            _nodes[index] = change(_nodes[index]);
            return _nodes[index];
        }
    }

    public HypervisorRecord? Remove(string key)
    {
        lock (_gate)
        {
            var index = _nodes.FindIndex(n => Is(n, key));
            if (index < 0)
            {
                return null;
            }

            var node = _nodes[index];
            _nodes.RemoveAt(index);
            return node;
        }
    }

    /// <summary>A random enabled, live node for a new instance; null when the scheduler would find no valid host.</summary>
    public Placement? PickForNewServer(Random random)
    {
        lock (_gate)
        {
            var candidates = _nodes.FindAll(n => n.Up && !n.Disabled);
            if (candidates.Count == 0)
            {
                return null;
            }

            var node = candidates[random.Next(candidates.Count)];
            return new Placement(node.Hostname, node.Zone);
        }
    }

    /// <summary>The zone of a host; null when no node has that name.</summary>
    public string? ZoneOf(string host)
    {
        lock (_gate)
        {
            return _nodes.Find(n => n.Hostname == host)?.Zone;
        }
    }

    /// <summary>A page after the node whose id (or UUID) is <paramref name="marker"/>; false when the marker is unknown.</summary>
    public bool TryPage(string? marker, int limit, out HypervisorRecord[] page)
    {
        lock (_gate)
        {
            var start = 0;
            if (marker is not null)
            {
                var index = _nodes.FindIndex(n => n.Uuid == marker || n.Id.ToString(CultureInfo.InvariantCulture) == marker);
                if (index < 0)
                {
                    page = [];
                    return false;
                }

                start = index + 1;
            }

            page = [.. _nodes.Skip(start).Take(limit)];
            return true;
        }
    }

    private static bool Is(HypervisorRecord node, string key) =>
        node.Uuid == key || node.Hostname == key || node.Id.ToString(CultureInfo.InvariantCulture) == key;
}
