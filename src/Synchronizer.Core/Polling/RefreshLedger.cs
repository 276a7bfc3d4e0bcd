using Synchronizer.Core.Changes;
using Synchronizer.Core.State;

namespace Synchronizer.Core.Polling;

/// <summary>
/// Remembers which entities the push path refreshed while listings were running (CONTRACT §7), so a
/// listing that began before a refresh does not overwrite it with its older copy.
/// </summary>
/// <remarks>
/// Listings and refreshes draw from one sequence. A refresh stamps the id with the next number; a
/// listing notes the number current when it began, and when it records, every id stamped after that
/// is left as the refresh set it. Stamps are kept only while a listing runs, and only until no running
/// listing began before them, so the ledger stays as small as the refreshes of one poll.
/// <para>A refresh is stamped when it records, after it read the entity. One read just before a listing
/// began but recorded after it therefore also wins over that listing, though the listing may be newer:
/// the error falls on the safe side (a refresh is never overwritten by an older copy), and the next poll
/// corrects it.</para>
/// </remarks>
internal sealed class RefreshLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _stamps = new(StringComparer.Ordinal);
    private readonly List<long> _listings = [];
    private long _sequence;

    /// <summary>Notes that a listing begins now.</summary>
    /// <returns>Its start mark, to pass to <see cref="RefreshedSince"/> and <see cref="EndListing"/>.</returns>
    public long BeginListing()
    {
        lock (_lock)
        {
            _listings.Add(_sequence);
            return _sequence;
        }
    }

    /// <summary>Notes that a listing ended (recorded, failed or cancelled) and forgets stamps no running listing needs.</summary>
    /// <param name="start">The listing's start mark.</param>
    public void EndListing(long start)
    {
        lock (_lock)
        {
            _listings.Remove(start);
            if (_listings.Count == 0)
            {
                _stamps.Clear();
                return;
            }

            var oldest = _listings.Min();
            foreach (var (id, stamp) in _stamps)
            {
                if (stamp <= oldest)
                {
                    _stamps.Remove(id);
                }
            }
        }
    }

    /// <summary>Stamps an entity as refreshed now.</summary>
    /// <param name="id">The entity id.</param>
    public void Stamp(string id)
    {
        lock (_lock)
        {
            _sequence++;

            // With no listing running, every later listing begins after this stamp anyway.
            if (_listings.Count > 0)
            {
                _stamps[id] = _sequence;
            }
        }
    }

    /// <summary>Lists the entities refreshed after a listing began.</summary>
    /// <param name="start">The listing's start mark.</param>
    /// <returns>Their ids.</returns>
    public IReadOnlyList<string> RefreshedSince(long start)
    {
        lock (_lock)
        {
            return [.. _stamps.Where(s => s.Value > start).Select(s => s.Key)];
        }
    }

    /// <summary>
    /// Makes a listing agree with the baseline for every entity refreshed after the listing began:
    /// the refreshed state is kept, a refreshed-away entity is not listed back, and one the refresh
    /// created is not deleted. Call it under the type's lock, just before change detection.
    /// </summary>
    /// <param name="observed">The listing, by id; changed in place.</param>
    /// <param name="baseline">The current recorded state, which holds the refreshes.</param>
    /// <param name="start">The listing's start mark.</param>
    /// <returns>How many entities the listing had to leave alone.</returns>
    public int KeepRefreshed(Dictionary<string, ObservedEntity> observed, TypeSnapshot baseline, long start)
    {
        var refreshed = RefreshedSince(start);
        foreach (var id in refreshed)
        {
            if (baseline.Entities.TryGetValue(id, out var kept))
            {
                observed[id] = new ObservedEntity(id, kept.Hash, kept.Json);
            }
            else
            {
                observed.Remove(id);
            }
        }

        return refreshed.Count;
    }
}
