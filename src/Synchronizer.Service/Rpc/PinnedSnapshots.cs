using System.Collections.Concurrent;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Rpc;

/// <summary>
/// The snapshots <c>get_all</c> pages through (CONTRACT §4): the first page pins the type's state,
/// and <c>next_marker</c> (<c>&lt;snapshot id&gt;:&lt;last id&gt;</c>) continues that same state. A
/// snapshot lives <see cref="Ttl"/> after its last page was served. Snapshots are immutable and share
/// structure with the live state, so pinning one costs little memory.
/// </summary>
internal sealed class PinnedSnapshots
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(300);

    private readonly ConcurrentDictionary<string, PinnedSnapshot> _pins = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public PinnedSnapshots(TimeProvider time) => _time = time;

    public string Pin(TypeSnapshot snapshot)
    {
        Sweep();
        var id = Guid.NewGuid().ToString("N");
        _pins[id] = new PinnedSnapshot(snapshot, _time.GetUtcNow());
        return id;
    }

    /// <summary>Finds a pinned snapshot and renews its lease; <see langword="null"/> when it expired or never existed.</summary>
    public TypeSnapshot? Find(string id, string entityType)
    {
        Sweep();
        if (!_pins.TryGetValue(id, out var pin) || pin.Snapshot.EntityType != entityType)
        {
            return null;
        }

        _pins[id] = pin with { LastServedAt = _time.GetUtcNow() };
        return pin.Snapshot;
    }

    public void Release(string id) => _pins.TryRemove(id, out _);

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, pin) in _pins)
        {
            if (now - pin.LastServedAt > Ttl)
            {
                _pins.TryRemove(id, out _);
            }
        }
    }

    private sealed record PinnedSnapshot(TypeSnapshot Snapshot, DateTimeOffset LastServedAt);
}
