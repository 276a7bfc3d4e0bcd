using System.Globalization;

namespace Synchronizer.Messaging.Oslo;

/// <summary>The time formats oslo and the contract use.</summary>
public static class OsloTimestamps
{
    /// <summary>Formats a notification <c>timestamp</c>: Python's <c>str(utcnow())</c>, <c>2012-10-29 13:42:11.721083</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>UTC, space separated, microseconds, no zone.</returns>
    public static string Notification(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Formats <c>sampled_at</c>: ISO 8601 UTC with microseconds and <c>Z</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>For example <c>2026-11-22T10:15:30.123456Z</c>.</returns>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
