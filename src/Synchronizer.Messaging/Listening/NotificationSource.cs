namespace Synchronizer.Messaging.Listening;

/// <summary>One place OpenStack publishes notifications: an exchange and a topic, for one service.</summary>
/// <param name="Service">The OpenStack service, for example <c>nova</c>.</param>
/// <param name="Exchange">The exchange, for example <c>nova</c>.</param>
/// <param name="Topic">The topic, for example <c>versioned_notifications</c>.</param>
public sealed record NotificationSource(string Service, string Exchange, string Topic)
{
    /// <summary>Parses <c>exchange:topic,exchange:topic</c>, as the options hold them.</summary>
    /// <param name="service">The service the list belongs to.</param>
    /// <param name="text">The option value.</param>
    /// <param name="key">The option key, for the error message.</param>
    /// <returns>The sources.</returns>
    /// <exception cref="FormatException">An entry is not <c>exchange:topic</c>.</exception>
    public static IReadOnlyList<NotificationSource> ParseList(string service, string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sources = new List<NotificationSource>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"[{OpenStackNotificationsOptions.SectionName}] {key}: '{entry}' is not exchange:topic; write for example nova:versioned_notifications.");
            }

            sources.Add(new NotificationSource(service, parts[0], parts[1]));
        }

        return sources;
    }

    /// <summary>Gets the name of the synchronizer's own queue for this source.</summary>
    /// <param name="pool">The pool prefix.</param>
    /// <returns>For example <c>synchronizer.nova.versioned_notifications</c>.</returns>
    public string QueueName(string pool) => $"{pool}.{Exchange}.{Topic}";
}
