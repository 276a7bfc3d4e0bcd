namespace Synchronizer.Plugins.Abstractions.Notifications;

/// <summary>Matches notification event types against the patterns of <see cref="INotificationMapper.EventTypes"/>.</summary>
public static class EventTypePattern
{
    /// <summary>Tells whether <paramref name="eventType"/> matches <paramref name="pattern"/>.</summary>
    /// <param name="pattern">An exact event type (<c>instance.update</c>), or a prefix ending in <c>*</c> (<c>instance.*</c>); a lone <c>*</c> matches everything.</param>
    /// <param name="eventType">The event type of a notification.</param>
    /// <returns><see langword="true"/> on a match; comparison is ordinal, as OpenStack's event types are lower case ASCII.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool Matches(string pattern, string eventType)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(eventType);
        return pattern.EndsWith('*')
            ? eventType.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, eventType, StringComparison.Ordinal);
    }

    /// <summary>Tells whether <paramref name="eventType"/> matches any of <paramref name="patterns"/>.</summary>
    /// <param name="patterns">Patterns as <see cref="Matches"/> reads them.</param>
    /// <param name="eventType">The event type of a notification.</param>
    /// <returns><see langword="true"/> when one pattern matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool MatchesAny(IEnumerable<string> patterns, string eventType)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(eventType);
        return patterns.Any(p => Matches(p, eventType));
    }
}
