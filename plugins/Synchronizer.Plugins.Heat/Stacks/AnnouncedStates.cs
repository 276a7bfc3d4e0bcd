using System.Collections.Concurrent;

namespace Synchronizer.Plugins.Heat.Stacks;

/// <summary>
/// The final status (<c>*_COMPLETE</c>, <c>*_FAILED</c>) Heat last announced for each stack in an
/// <c>orchestration.stack.*</c> notification's <c>payload.state</c>. Heat sends the notification before it
/// writes that status (heat/engine/stack.py: <c>_persist_state</c> and <c>persist_state_and_release_lock</c>
/// call <c>_send_notification_and_add_event</c> first), so a re-read right after the notification can still
/// list the previous status (seen on a real Zed cloud). The fetch uses this to know it read too early.
/// It is a freshness hint only, never taken as the stack's state.
/// </summary>
internal sealed class AnnouncedStates
{
    private readonly ConcurrentDictionary<string, string> _announced = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="state"/> when it is final; intermediate states need no wait.</summary>
    public void Remember(string id, string? state)
    {
        if (state is not null && (state.EndsWith("_COMPLETE", StringComparison.Ordinal) || state.EndsWith("_FAILED", StringComparison.Ordinal)))
        {
            _announced[id] = state;
        }
    }

    /// <summary>
    /// Tells whether Heat announced another status than <paramref name="listedStatus"/>, the one the list
    /// shows; a stack the list no longer shows (<see langword="null"/>) has nothing left to catch up with.
    /// </summary>
    public bool IsAheadOf(string id, string? listedStatus, out string? announced) =>
        _announced.TryGetValue(id, out announced) && listedStatus is not null && listedStatus != announced;

    /// <summary>Forgets what the fetch waited for, unless a newer notification replaced it meanwhile.</summary>
    public void Forget(string id, string? announced)
    {
        if (announced is not null)
        {
            _announced.TryRemove(new KeyValuePair<string, string>(id, announced));
        }
    }
}
