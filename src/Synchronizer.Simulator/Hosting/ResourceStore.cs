namespace Synchronizer.Simulator.Hosting;

/// <summary>
/// Rows kept in ascending (created_at, id) order, which read backwards is the default order of cinder's
/// and heat's lists (created_at desc, then id desc as the tie-breaker their paginate_query adds). Deleted
/// rows stay as tombstones, like the services' soft-deleted rows; callers decide whether a tombstone may
/// serve as a marker. Records are immutable, so a page being rendered never sees half a change.
/// </summary>
internal sealed class ResourceStore<T>
    where T : class, IStoredResource
{
    private static readonly Comparer<T> Order = Comparer<T>.Create((a, b) =>
    {
        var byCreated = a.CreatedAt.CompareTo(b.CreatedAt);
        return byCreated != 0 ? byCreated : string.CompareOrdinal(a.Id, b.Id);
    });

    private readonly Lock _gate = new();
    private readonly List<T> _rows = [];
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
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

    /// <exception cref="ArgumentException">A row with that id exists.</exception>
    public void Add(IEnumerable<T> rows)
    {
        lock (_gate)
        {
            foreach (var row in rows)
            {
                _byId.Add(row.Id, row);
                var index = _rows.Count > 0 && Order.Compare(_rows[^1], row) < 0 ? _rows.Count : ~_rows.BinarySearch(row, Order);
                _rows.Insert(index, row);
                if (!row.Deleted)
                {
                    _live++;
                }
            }
        }
    }

    /// <summary>The row with that id, deleted or not.</summary>
    public T? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>Replaces a live row with <paramref name="change"/>'s result (same id and created_at); null when absent or deleted.</summary>
    public T? Update(string id, Func<T, T> change)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current) || current.Deleted)
            {
                return null;
            }

            var updated = change(current);
            _rows[_rows.BinarySearch(current, Order)] = updated;
            _byId[id] = updated;
            if (updated.Deleted)
            {
                _live--;
            }

            return updated;
        }
    }

    /// <summary>Up to <paramref name="limit"/> live rows matching <paramref name="filter"/>, newest first, after <paramref name="marker"/> when given.</summary>
    public T[] Page(T? marker, Func<T, bool> filter, int limit)
    {
        lock (_gate)
        {
            var start = marker is null ? _rows.Count - 1 : _rows.BinarySearch(marker, Order) - 1;
            var found = new List<T>(Math.Min(limit, 1024));
            for (var i = start; i >= 0 && found.Count < limit; i--)
            {
                var row = _rows[i];
                if (!row.Deleted && filter(row))
                {
                    found.Add(row);
                }
            }

            return [.. found];
        }
    }

    /// <summary>How many live rows match, for the services' with_count.</summary>
    public int CountWhere(Func<T, bool> filter)
    {
        lock (_gate)
        {
            return _rows.Count(r => !r.Deleted && filter(r));
        }
    }

    /// <summary>A random live row, for churn; null when there is none.</summary>
    public T? PickLive(Random random)
    {
        lock (_gate)
        {
            if (_live == 0)
            {
                return null;
            }

            for (var attempt = 0; attempt < 16; attempt++)
            {
                var candidate = _rows[random.Next(_rows.Count)];
                if (!candidate.Deleted)
                {
                    return candidate;
                }
            }

            return _rows.Find(r => !r.Deleted);
        }
    }
}
