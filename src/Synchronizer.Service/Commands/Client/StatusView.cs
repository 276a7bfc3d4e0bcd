using System.Globalization;
using Spectre.Console;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Service.Commands.Client;

/// <summary>Shows <c>list_types</c>: a table for people, the contract's JSON for scripts.</summary>
internal static class StatusView
{
    /// <summary>Writes one row per type: entities, revision, last poll (with its age), result, interval, and the error when a poll failed.</summary>
    /// <param name="types">The service's answer.</param>
    /// <param name="intervals">The poll interval per type, as the local configuration says; a type missing here shows none.</param>
    /// <param name="now">The current time, for the age of the last poll.</param>
    /// <param name="console">Standard output.</param>
    public static void Render(IReadOnlyList<EntityTypeStatus> types, IReadOnlyDictionary<string, TimeSpan> intervals, DateTimeOffset now, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(console);
        if (types.Count == 0)
        {
            console.WriteLine("The service serves no entity type: every type is disabled in its configuration.");
            return;
        }

        var table = new TypeTable(
            types.Any(t => !string.IsNullOrEmpty(t.LastError)),
            TypeTable.Left("TYPE"),
            TypeTable.Right("ENTITIES"),
            TypeTable.Right("REVISION"),
            TypeTable.Left("LAST POLL"),
            TypeTable.Left("RESULT"),
            TypeTable.Right("INTERVAL"));
        foreach (var type in types)
        {
            table.AddRow(
                type.LastError,
                Markup.Escape(type.EntityType),
                TypeTable.Number(type.Count),
                type.Revision.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(LastPoll(type.LastPollAt, now)),
                TypeTable.Result(type.LastPollStatus),
                intervals.TryGetValue(type.EntityType, out var interval) ? Durations.Short(interval) : string.Empty);
        }

        table.WriteTo(console);
    }

    /// <summary>Writes <c>{"types": [...]}</c> with the contract's field names (CONTRACT §4 <c>list_types</c>), on one line.</summary>
    public static void WriteJson(IReadOnlyList<EntityTypeStatus> types, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonLines.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("types");
            foreach (var type in types)
            {
                json.WriteStartObject();
                json.WriteString("entity_type", type.EntityType);
                json.WriteNumber("revision", type.Revision);
                json.WriteNumber("count", type.Count);
                json.WriteStringOrNull("last_poll_at", type.LastPollAt);
                json.WriteStringOrNull("last_poll_status", type.LastPollStatus);
                json.WriteStringOrNull("last_error", type.LastError);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    /// <summary><c>2026-11-22 10:15:30Z (12 s ago)</c>; <c>never</c> before the first poll; the service's text when it is not a time.</summary>
    public static string LastPoll(string? lastPollAt, DateTimeOffset now)
    {
        if (lastPollAt is null)
        {
            return "never";
        }

        if (!DateTimeOffset.TryParse(lastPollAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return lastPollAt;
        }

        var age = now - at;
        var when = at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return age < TimeSpan.Zero ? when : $"{when} ({Durations.Short(age)} ago)";
    }

}
