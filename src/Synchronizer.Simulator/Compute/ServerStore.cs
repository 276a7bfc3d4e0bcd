namespace Synchronizer.Simulator.Compute;

/// <summary>
/// All instances, deleted ones included: nova looks a marker up with read_deleted=yes, so a server
/// deleted between two pages must still work as a marker. The list only grows; records are kept in
/// ascending (created_at, seq), which read backwards is nova's default created_at desc, id desc.
/// </summary>
internal sealed class ServerStore
{
    private readonly Lock _gate = new();
    private readonly List<ServerRecord> _servers = [];
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private long _lastSeq;
    private DateTime _lastCreated;
    private int _live;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    /// <summary>Adds servers, giving each its seq; created_at never goes backwards, which keeps the order.</summary>
    public IReadOnlyList<ServerRecord> Add(IEnumerable<ServerRecord> candidates)
    {
        var added = new List<ServerRecord>();
        lock (_gate)
        {
            foreach (var candidate in candidates)
            {
                var created = candidate.CreatedAt < _lastCreated ? _lastCreated : candidate.CreatedAt;
                var updated = candidate.UpdatedAt < created ? created : candidate.UpdatedAt;
                var server = candidate with { Seq = ++_lastSeq, CreatedAt = created, UpdatedAt = updated };
                _lastCreated = created;
                _indexById.Add(server.Id, _servers.Count);
                _servers.Add(server);
                _live++;
                added.Add(server);
            }
        }

        return added;
    }

    /// <summary>The server with that id, deleted or not.</summary>
    public ServerRecord? Find(string id)
    {
        lock (_gate)
        {
            return _indexById.TryGetValue(id, out var index) ? _servers[index] : null;
        }
    }

    /// <summary>Replaces a live server with <paramref name="change"/>'s result; null when absent or deleted.</summary>
    public ServerRecord? Update(string id, Func<ServerRecord, ServerRecord> change)
    {
        lock (_gate)
        {
            if (!_indexById.TryGetValue(id, out var index) || _servers[index].Deleted)
            {
                return null;
            }

            var updated = change(_servers[index]);
            _servers[index] = updated;
            if (updated.Deleted)
            {
                _live--;
            }

            return updated;
        }
    }

    /// <summary>A page in nova's order after <paramref name="marker"/>; false when the marker is unknown.</summary>
    public bool TryPage(ServerFilter filter, string? marker, int limit, out ServerRecord[] page)
    {
        lock (_gate)
        {
            var start = _servers.Count - 1;
            if (marker is not null)
            {
                if (!_indexById.TryGetValue(marker, out var markerIndex))
                {
                    page = [];
                    return false;
                }

                start = markerIndex - 1;
            }

            var found = new List<ServerRecord>(Math.Min(limit, 1024));
            for (var i = start; i >= 0 && found.Count < limit; i--)
            {
                var server = _servers[i];
                if (filter.Matches(server))
                {
                    found.Add(server);
                }
            }

            page = [.. found];
            return true;
        }
    }

    /// <summary>What the live instances on each host use, as nova's resource tracker sums it up.</summary>
    public Dictionary<string, HostUsage> UsageByHost()
    {
        var usage = new Dictionary<string, HostUsage>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var server in _servers)
            {
                if (!server.Deleted && server.Host is { } host)
                {
                    usage[host] = usage.GetValueOrDefault(host).Add(server);
                }
            }
        }

        return usage;
    }

    /// <summary>The live servers on one host, in nova's list order.</summary>
    public ServerRecord[] OnHost(string host)
    {
        lock (_gate)
        {
            var found = new List<ServerRecord>();
            for (var i = _servers.Count - 1; i >= 0; i--)
            {
                if (!_servers[i].Deleted && _servers[i].Host == host)
                {
                    found.Add(_servers[i]);
                }
            }

            return [.. found];
        }
    }

    /// <summary>A random live server, for churn; null when there is none.</summary>
    public ServerRecord? PickLive(Random random)
    {
        lock (_gate)
        {
            if (_live == 0)
            {
                return null;
            }

            // Tombstones are rare enough that a few probes nearly always hit; the scan is the fallback.
            for (var attempt = 0; attempt < 16; attempt++)
            {
                var candidate = _servers[random.Next(_servers.Count)];
                if (!candidate.Deleted)
                {
                    return candidate;
                }
            }

            return _servers.Find(s => !s.Deleted);
        }
    }
}
